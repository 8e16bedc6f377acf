package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeysRoundTripTest {

    private final Harness harness = new Harness();
    private TestClient client;
    private final byte[] identity = filled(32, 1);
    private final byte[] signedKey = filled(32, 2);
    private final byte[] signature = filled(64, 3);

    @BeforeEach
    void logIn() {
        Account account = harness.accounts.create("15550004444", "Phone");
        client = harness.client();
        account.link(account.reserveSlot(), client.noiseKey.publicKey(), client.identityKey.publicKey(), "1");
        client.handshake(TestClient.login("15550004444", 1));
    }

    @Test
    void countIsZeroUntilUploadThenCountAndDigestReflectTheUpload() throws Exception {
        assertThat(count()).isZero();
        assertThat(query("get", Node.builder("digest").build()).child("error").orElseThrow().attrs().string("code")).isEqualTo("404");

        List<Node> keys = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            keys.add(Node.builder("key").children(bytes("id", 0, 0, id), Node.builder("value").bytes(filled(32, 10 + id)).build()).build());
        }
        Node upload = query("set",
                bytes("registration", 0, 0, 1, 44), bytes("type", 5),
                Node.builder("identity").bytes(identity).build(),
                Node.builder("list").children(keys).build(),
                Node.builder("skey").children(bytes("id", 0, 0, 1), Node.builder("value").bytes(signedKey).build(),
                        Node.builder("signature").bytes(signature).build()).build());
        assertThat(upload.attrs().string("type")).isEqualTo("result");
        assertThat(count()).isEqualTo(3);

        Node digest = query("get", Node.builder("digest").build()).child("digest").orElseThrow();
        assertThat(digest.child("identity").orElseThrow().contentBytes().orElseThrow()).isEqualTo(identity);
        assertThat(digest.child("list").orElseThrow().children("id")).hasSize(3);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(identity);
        sha1.update(signedKey);
        sha1.update(signature);
        for (int id = 1; id <= 3; id++) {
            sha1.update(filled(32, 10 + id));
        }
        assertThat(digest.child("hash").orElseThrow().contentBytes().orElseThrow()).isEqualTo(sha1.digest());
    }

    @Test
    void uploadWithoutSignedPreKeyIsBadRequestAndTheConnectionStaysUp() {
        Node answer = query("set", bytes("registration", 0, 0, 0, 1), bytes("type", 5),
                Node.builder("identity").bytes(identity).build());
        assertThat(answer.attrs().string("type")).isEqualTo("error");
        assertThat(answer.child("error").orElseThrow().attrs().string("code")).isEqualTo("400");
        assertThat(count()).isZero();
    }

    @Test
    void aRotatedSignedPreKeyReplacesTheUploadedOneAndABadSignatureIs406() {
        IdentityKeyPair keys = IdentityKeyPair.generate(new SecureRandom());
        SignedPreKeyRecord first = KeyHelper.generateSignedPreKey(keys, 1, 1L, new SecureRandom());
        SignedPreKeyRecord second = KeyHelper.generateSignedPreKey(keys, 2, 2L, new SecureRandom());
        assertThat(query("set", Node.builder("rotate").children(skey(second, second.signature())).build())
                .child("error").orElseThrow().attrs().string("code")).as("nothing uploaded yet").isEqualTo("404");
        assertThat(query("set", bytes("registration", 0, 0, 1, 44), bytes("type", 5),
                Node.builder("identity").bytes(keys.publicKey().publicKey()).build(),
                Node.builder("list").children(Node.builder("key").children(bytes("id", 0, 0, 1),
                        Node.builder("value").bytes(filled(32, 9)).build()).build()).build(),
                skey(first, first.signature())).attrs().string("type")).isEqualTo("result");

        Node forged = query("set", Node.builder("rotate").children(skey(second, first.signature())).build());
        assertThat(forged.child("error").orElseThrow().attrs().string("code")).isEqualTo("406");
        Node rotated = query("set", Node.builder("rotate").children(skey(second, second.signature())).build());
        assertThat(rotated.attrs().string("type")).isEqualTo("result");

        Node skey = query("get", Node.builder("digest").build()).child("digest").orElseThrow().child("skey").orElseThrow();
        assertThat(skey.child("id").flatMap(Node::contentBytes).orElseThrow()).containsExactly(0, 0, 2);
        assertThat(skey.child("value").flatMap(Node::contentBytes).orElseThrow()).isEqualTo(second.keyPair().publicKey());
        assertThat(count()).as("the one-time prekeys stay").isEqualTo(1);
    }

    private static Node skey(SignedPreKeyRecord key, byte[] signature) {
        return Node.builder("skey").children(bytes("id", 0, 0, key.id()),
                Node.builder("value").bytes(key.keyPair().publicKey()).build(),
                Node.builder("signature").bytes(signature).build()).build();
    }

    private int count() {
        return Integer.parseInt(query("get", Node.builder("count").build()).child("count").orElseThrow().attrs().string("value"));
    }

    private int ids;

    private Node query(String type, Node... children) {
        return client.query(Node.builder("iq").attr("id", "k" + ++ids).attr("xmlns", "encrypt").attr("type", type)
                .attr("to", "s.whatsapp.net").children(children).build());
    }

    private static Node bytes(String tag, int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return Node.builder(tag).bytes(out).build();
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }
}
