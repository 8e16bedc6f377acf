package io.tryx.simulator.pairing;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.pairing.AdvCompanion;
import io.tryx.protocol.pairing.QrPayload;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.LinkedDevice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrPairingTest {

    private static final String PHONE = "15550002222";
    private final Harness harness = new Harness();
    private final byte[] advSecret = new byte[32];

    QrPairingTest() {
        harness.accounts.create(PHONE, "Phone");
    }

    @Test
    void registrationGetsPairDeviceWithSixRefs() {
        TestClient client = harness.client().handshake(TestClient.registration());
        Node iq = client.last();
        assertThat(iq.attrs().string("type")).isEqualTo("set");
        assertThat(iq.attrs().string("xmlns")).isEqualTo("md");
        assertThat(iq.child("pair-device").orElseThrow().children("ref")).hasSize(PairingService.REF_COUNT);
    }

    @Test
    void refsExhaustedClosesTheStreamWith408() {
        TestClient client = harness.client().handshake(TestClient.registration());
        harness.clock.advance(Duration.ofSeconds(159));
        client.transport.runDue();
        assertThat(client.transport.isClosed()).isFalse();
        harness.clock.advance(Duration.ofSeconds(1));
        client.transport.runDue();
        assertThat(client.last().tag()).isEqualTo("stream:error");
        assertThat(client.last().attrs().string("code")).isEqualTo("408");
        assertThat(client.transport.isClosed()).isTrue();
    }

    @Test
    void scanOfTheCurrentRefLinksAfterCountersignatureAndEndsTheStreamWith515() {
        TestClient client = harness.client().handshake(TestClient.registration());
        harness.clock.advance(Duration.ofSeconds(65));
        CompletableFuture<LinkedDevice> linked = harness.pairing.scan(PHONE, qr(client, refs(client).get(1), client.noiseKey.publicKey()));

        Node success = client.last();
        Node identity = success.child("pair-success").orElseThrow().child("device-identity").orElseThrow();
        AdvCompanion.SignedIdentity signed = AdvCompanion.verifyAndSign(identity.contentBytes().orElseThrow(), advSecret, client.identityKey);
        assertThat(success.child("pair-success").orElseThrow().child("device").orElseThrow().attrs().string("jid"))
                .isEqualTo(PHONE + ":1@s.whatsapp.net");
        client.send(Node.builder("iq").attr("to", "s.whatsapp.net").attr("type", "result").attr("id", success.attrs().string("id"))
                .children(Node.builder("pair-device-sign").children(Node.builder("device-identity")
                        .attr("key-index", signed.keyIndex()).bytes(signed.replyBytes()).build()).build()).build());

        assertThat(linked).isCompleted();
        assertThat(linked.join().jid().toString()).isEqualTo(PHONE + ":1@s.whatsapp.net");
        assertThat(client.last().tag()).isEqualTo("stream:error");
        assertThat(client.last().attrs().string("code")).isEqualTo("515");
        assertThat(harness.accounts.findDevice(PHONE, 1)).isPresent();
    }

    @Test
    void scanOfARotatedRefIsRejectedAsStale() {
        TestClient client = harness.client().handshake(TestClient.registration());
        harness.clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> harness.pairing.scan(PHONE, qr(client, refs(client).getFirst(), client.noiseKey.publicKey())))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.STALE_REF));
    }

    @Test
    void scanWithAnotherNoiseKeyIsRejected() {
        TestClient client = harness.client().handshake(TestClient.registration());
        byte[] otherKey = Curve25519.generateKeyPair().publicKey();
        assertThatThrownBy(() -> harness.pairing.scan(PHONE, qr(client, refs(client).getFirst(), otherKey)))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.NOISE_KEY_MISMATCH));
        assertThat(client.last().tag()).isEqualTo("iq");
    }

    @Test
    void scanOfUnknownRefUnknownAccountOrGarbageIsRejected() {
        TestClient client = harness.client().handshake(TestClient.registration());
        String unknownRef = qr(client, "2@nope", client.noiseKey.publicKey());
        assertThatThrownBy(() -> harness.pairing.scan(PHONE, unknownRef))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.UNKNOWN_REF));
        assertThatThrownBy(() -> harness.pairing.scan("15559999999", unknownRef))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.UNKNOWN_ACCOUNT));
        assertThatThrownBy(() -> harness.pairing.scan(PHONE, "not a qr"))
                .isInstanceOfSatisfying(ScanException.class, e -> assertThat(e.kind()).isEqualTo(ScanException.Kind.MALFORMED_QR));
    }

    private static List<String> refs(TestClient client) {
        return client.received().getFirst().child("pair-device").orElseThrow().children("ref").stream()
                .map(r -> r.contentText().orElseGet(() -> new String(r.contentBytes().orElseThrow()))).toList();
    }

    private String qr(TestClient client, String ref, byte[] noiseKey) {
        return new QrPayload(ref, noiseKey, client.identityKey.publicKey(), advSecret, "1").encode();
    }
}
