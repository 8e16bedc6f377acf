package io.tryx.simulator.pairing;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.pairing.AdvCompanion;
import io.tryx.protocol.pairing.LinkCodeBundle;
import io.tryx.protocol.pairing.PairCode;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.LinkedDevice;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pair-code linking driven by a Java companion built from the protocol core's companion-side helpers. */
class LinkCodePairingTest {

    private static final String PHONE = "15550007777";
    private final Harness harness = new Harness();
    private final PairCode code = PairCode.of("ABCD2345");
    private final KeyPair companionEphemeral = Curve25519.generateKeyPair();

    LinkCodePairingTest() {
        harness.accounts.create(PHONE, "Phone");
    }

    @Test
    void theRightCodeLinksTheCompanion() {
        TestClient client = companionHello();
        CompletableFuture<LinkedDevice> linked = harness.linkCodes.enterCode(PHONE, code.value());
        LinkCodeBundle.CompanionFinish finish = companionFinish(client, code);

        Node success = client.received().stream().filter(n -> n.child("pair-success").isPresent()).findFirst().orElseThrow();
        byte[] identity = success.child("pair-success").orElseThrow().child("device-identity").orElseThrow().contentBytes().orElseThrow();
        AdvCompanion.SignedIdentity signed = AdvCompanion.verifyAndSign(identity, finish.advSecret(), client.identityKey);
        client.send(Node.builder("iq").attr("type", "result").attr("id", success.attrs().string("id"))
                .children(Node.builder("pair-device-sign").children(Node.builder("device-identity")
                        .attr("key-index", signed.keyIndex()).bytes(signed.replyBytes()).build()).build()).build());

        assertThat(linked).isCompleted();
        assertThat(linked.join().deviceId()).isEqualTo(1);
        assertThat(client.last().attrs().string("code")).isEqualTo("515");
    }

    @Test
    void aWrongCodeFailsTheLinkAndEndsTheStreamWith401() {
        TestClient client = companionHello();
        CompletableFuture<LinkedDevice> linked = harness.linkCodes.enterCode(PHONE, "ZZZZ9999");
        companionFinish(client, code);
        assertThat(linked).isCompletedExceptionally();
        assertThat(client.last().tag()).isEqualTo("stream:error");
        assertThat(client.last().attrs().string("code")).isEqualTo("401");
        assertThat(harness.accounts.findDevice(PHONE, 1)).isEmpty();
    }

    @Test
    void codesWithoutARequestOrMalformedAreRejected() {
        assertThatThrownBy(() -> harness.linkCodes.enterCode(PHONE, code.value()))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.NO_CODE_REQUEST));
        assertThatThrownBy(() -> harness.linkCodes.enterCode(PHONE, "short"))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.MALFORMED_CODE));
    }

    private TestClient companionHello() {
        TestClient client = harness.client().handshake(TestClient.registration());
        Node answer = client.query(Node.builder("iq").attr("id", "h1").attr("type", "set").attr("xmlns", "md").children(
                Node.builder("link_code_companion_reg").attr("jid", PHONE + "@s.whatsapp.net").attr("stage", "companion_hello").children(
                        Node.builder("link_code_pairing_wrapped_companion_ephemeral_pub")
                                .bytes(code.wrap(companionEphemeral.publicKey(), new byte[32], new byte[16])).build(),
                        Node.builder("companion_server_auth_key_pub").bytes(client.noiseKey.publicKey()).build(),
                        Node.builder("companion_platform_id").text("1").build()).build()).build());
        assertThat(answer.attrs().string("type")).isEqualTo("result");
        return client;
    }

    private LinkCodeBundle.CompanionFinish companionFinish(TestClient client, PairCode typedOnCompanion) {
        Node reg = client.received().stream().filter(n -> n.tag().equals("notification")).findFirst().orElseThrow()
                .child("link_code_companion_reg").orElseThrow();
        byte[] primaryEphemeral = typedOnCompanion.unwrap(reg.child("link_code_pairing_wrapped_primary_ephemeral_pub").orElseThrow().contentBytes().orElseThrow());
        byte[] primaryIdentity = reg.child("primary_identity_pub").orElseThrow().contentBytes().orElseThrow();
        LinkCodeBundle.CompanionFinish finish = LinkCodeBundle.companionFinish(companionEphemeral, primaryEphemeral,
                client.identityKey, primaryIdentity, new byte[32], new byte[32], new byte[12]);
        client.send(Node.builder("iq").attr("id", "f1").attr("type", "set").attr("xmlns", "md").children(
                Node.builder("link_code_companion_reg").attr("jid", PHONE + "@s.whatsapp.net").attr("stage", "companion_finish").children(
                        Node.builder("link_code_pairing_wrapped_key_bundle").bytes(finish.encryptedBundle()).build(),
                        Node.builder("companion_identity_public").bytes(client.identityKey.publicKey()).build(),
                        Node.builder("link_code_pairing_ref").bytes(reg.child("link_code_pairing_ref").orElseThrow().contentBytes().orElseThrow()).build())
                        .build()).build());
        return finish;
    }
}
