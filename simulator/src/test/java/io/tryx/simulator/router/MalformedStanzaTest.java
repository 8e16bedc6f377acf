package io.tryx.simulator.router;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a logged-in client sends, it gets the real server's IQ error (or nothing) and stays connected. */
class MalformedStanzaTest {

    private final Harness harness = new Harness();
    private TestClient client;

    @BeforeEach
    void logIn() {
        Account account = harness.accounts.create("15550005555", "Phone");
        client = harness.client();
        account.link(account.reserveSlot(), client.noiseKey.publicKey(), client.identityKey.publicKey(), "1");
        client.handshake(TestClient.login("15550005555", 1));
        client.received();
    }

    @Test
    void iqWithoutIdIsBadRequest() {
        client.send(Node.builder("iq").attr("type", "get").attr("xmlns", "w:p").children(Node.of("ping")).build());
        assertError(client.last(), 400, "bad-request");
        assertStillServed();
    }

    @Test
    void iqWithUnknownTypeIsBadRequest() {
        assertError(client.query(Node.builder("iq").attr("id", "x1").attr("type", "poke").attr("xmlns", "w:p").build()), 400, "bad-request");
        assertStillServed();
    }

    @Test
    void iqOfUnknownNamespaceIsFeatureNotImplemented() {
        assertError(client.query(Node.builder("iq").attr("id", "x2").attr("type", "get").attr("xmlns", "w:nope").build()),
                501, "feature-not-implemented");
        assertStillServed();
    }

    @Test
    void knownNamespaceWithMissingChildIsBadRequest() {
        assertError(client.query(Node.builder("iq").attr("id", "x3").attr("type", "get").attr("xmlns", "w:p").build()), 400, "bad-request");
        assertError(client.query(Node.builder("iq").attr("id", "x4").attr("type", "set").attr("xmlns", "passive").build()), 400, "bad-request");
        assertStillServed();
    }

    @Test
    void unknownStanzaWithIdIsNackedWith501() {
        client.send(Node.builder("frobnicate").attr("id", "y").build());
        Node ack = client.last();
        assertThat(ack.tag()).isEqualTo("ack");
        assertThat(ack.attrs().string("class")).isEqualTo("frobnicate");
        assertThat(ack.attrs().string("id")).isEqualTo("y");
        assertThat(ack.attrs().string("error")).isEqualTo("501");
        assertStillServed();
    }

    @Test
    void unknownStanzaWithoutIdIsDroppedWithoutAnswer() {
        int before = client.received().size();
        client.send(Node.builder("frobnicate").build());
        assertThat(client.received()).hasSize(before);
        assertStillServed();
    }

    @Test
    void undecodableFrameClosesTheConnection() {
        client.sendRaw(new byte[] {0, (byte) 0xF8, 9});
        assertThat(client.transport.isClosed()).isTrue();
    }

    private void assertStillServed() {
        Node pong = client.query(Node.builder("iq").attr("id", "ping-" + System.nanoTime()).attr("type", "get")
                .attr("xmlns", "w:p").attr("to", "s.whatsapp.net").children(Node.of("ping")).build());
        assertThat(pong.attrs().string("type")).isEqualTo("result");
        assertThat(client.transport.isClosed()).isFalse();
    }

    private static void assertError(Node answer, int code, String text) {
        assertThat(answer.tag()).isEqualTo("iq");
        assertThat(answer.attrs().string("type")).isEqualTo("error");
        Node error = answer.child("error").orElseThrow();
        assertThat(error.attrs().string("code")).isEqualTo(Integer.toString(code));
        assertThat(error.attrs().string("text")).isEqualTo(text);
    }
}
