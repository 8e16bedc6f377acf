package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.PreKeyUpload;

import java.util.ArrayList;
import java.util.List;

/** Two accounts with logged-in companions on a {@link Harness}, for the messaging handler tests. */
public final class MessagingHarness {

    public static final String A = "15550007771";
    public static final String B = "15550007772";

    public final Harness harness;
    public final Account a;
    public final Account b;
    private int ids;

    public MessagingHarness() {
        this(new Harness());
    }

    /** On a given harness (e.g. one with more handlers registered). */
    public MessagingHarness(Harness harness) {
        this.harness = harness;
        this.a = harness.accounts.create(A, "Alice");
        this.b = harness.accounts.create(B, "Bob");
    }

    /** Links a companion of {@code account} with {@code preKeys} uploaded one-time prekeys and logs it in. */
    public TestClient companion(Account account, int preKeys) {
        TestClient client = harness.client();
        var device = account.link(account.reserveSlot(), client.noiseKey.publicKey(), client.identityKey.publicKey(), "1");
        List<PreKeyUpload.PreKey> keys = new ArrayList<>();
        for (int i = 1; i <= preKeys; i++) {
            keys.add(new PreKeyUpload.PreKey(i, io.tryx.protocol.crypto.Curve25519.generateKeyPair().publicKey()));
        }
        var signed = io.tryx.protocol.signal.KeyHelper.generateSignedPreKey(
                new io.tryx.protocol.signal.IdentityKeyPair(client.identityKey), 1, 0, new java.security.SecureRandom());
        device.upload(new PreKeyUpload(77, client.identityKey.publicKey(),
                new PreKeyUpload.SignedPreKey(1, signed.keyPair().publicKey(), signed.signature()), keys));
        client.handshake(TestClient.login(account.phone(), device.deviceId()));
        return client;
    }

    /** Logs a linked device in again on a new connection (same keys as {@code before}). */
    public TestClient relogin(Account account, int deviceId, TestClient before) {
        TestClient client = harness.client();
        client.useKeysOf(before);
        client.handshake(TestClient.login(account.phone(), deviceId));
        return client;
    }

    public Node iq(String xmlns, String type, Node... children) {
        return Node.builder("iq").attr("id", "q" + ++ids).attr("xmlns", xmlns).attr("type", type)
                .attr("to", "s.whatsapp.net").children(children).build();
    }

    public static Node message(String id, String to, Node... participants) {
        return Node.builder("message").attr("id", id).attr("to", to).attr("type", "text")
                .children(Node.builder("participants").children(participants).build()).build();
    }

    public static Node to(String jid, String type, int fill) {
        return Node.builder("to").attr("jid", jid).children(
                Node.builder("enc").attr("v", "2").attr("type", type).bytes(filled(20, fill)).build()).build();
    }

    public static List<Node> tagged(TestClient client, String tag) {
        return client.received().stream().filter(n -> n.tag().equals(tag)).toList();
    }

    public static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }
}
