package io.tryx.simulator.admin;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tryx.simulator.messaging.MessagingHarness.B;
import static io.tryx.simulator.messaging.MessagingHarness.message;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.messaging.MessagingHarness.to;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/devices/{jid}/faults} on the in-memory harness (its clock drives the delays): dropped stanzas
 * are never sent and come back on the next login, delayed frames wait and keep their order, a stream error waits
 * behind them, and bad requests get typed errors.
 */
class FaultEndpointsTest {

    private final MessagingHarness h = new MessagingHarness();
    private final AdminApi api = new AdminApi(h.harness.accounts, h.harness.pairing, h.harness.linkCodes,
            h.harness.sessions, Map::of);
    private final TestClient alice = h.companion(h.a, 10);
    private final TestClient bob = h.companion(h.b, 10);
    private final String faults = "/admin/devices/" + h.b.jid().withDevice(1) + "/faults";

    @Test
    void aDroppedMessageIsLostUntilTheNextLoginRedeliversIt() {
        assertThat(post(faults, "{\"dropNext\": 1}").status()).isEqualTo(200);
        assertThat(bob.connection.faults().dropNext()).isEqualTo(1);
        send("D1");
        assertThat(tagged(bob, "message")).isEmpty();
        send("D2");
        assertThat(ids(bob)).containsExactly("D2");
        assertThat(bob.connection.faults().dropNext()).isZero();

        bob.connection.close();
        TestClient back = h.relogin(h.b, 1, bob);
        assertThat(ids(back)).containsExactly("D1", "D2");
    }

    @Test
    void dropMessagesDropsOnlyMessageStanzasAndTheNextLoginRedeliversThem() {
        assertThat(post(faults, "{\"dropMessages\": 1}").status()).isEqualTo(200);
        assertThat(bob.connection.faults().dropMessages()).isEqualTo(1);
        // a receipt for bob passes the fault, the next message does not
        alice.send(Node.builder("receipt").attr("id", "R1").attr("to", B + "@s.whatsapp.net").build());
        assertThat(tagged(bob, "receipt")).extracting(n -> n.attrs().string("id")).containsExactly("R1");
        send("D1");
        assertThat(tagged(bob, "message")).isEmpty();
        send("D2");
        assertThat(ids(bob)).containsExactly("D2");
        assertThat(bob.connection.faults().dropMessages()).isZero();

        bob.connection.close();
        TestClient back = h.relogin(h.b, 1, bob);
        assertThat(ids(back)).containsExactly("D1", "D2");
    }

    @Test
    void delayedFramesWaitForTheDelayAndKeepTheirOrder() {
        assertThat(post(faults, "{\"delayMillis\": 500}").status()).isEqualTo(200);
        send("M1");
        send("M2");
        assertThat(tagged(bob, "message")).isEmpty();
        assertThat(bob.connection.faults().held()).isEqualTo(2);

        // cleared now, but M3 must not overtake the frames still held
        assertThat(post(faults, "{\"clear\": true}").status()).isEqualTo(200);
        send("M3");
        assertThat(tagged(bob, "message")).isEmpty();

        h.harness.clock.advance(Duration.ofMillis(499));
        bob.transport.runDue();
        assertThat(tagged(bob, "message")).isEmpty();
        h.harness.clock.advance(Duration.ofMillis(1));
        bob.transport.runDue();
        assertThat(ids(bob)).containsExactly("M1", "M2", "M3");

        send("M4");
        assertThat(ids(bob)).containsExactly("M1", "M2", "M3", "M4");
    }

    @Test
    void aStreamErrorWaitsBehindTheDelayedFramesThenCloses() {
        post(faults, "{\"delayMillis\": 300}");
        send("S1");
        assertThat(post("/admin/devices/" + h.b.jid().withDevice(1) + "/disconnect", "{\"streamError\": 503}").status())
                .isEqualTo(200);
        assertThat(bob.transport.isClosed()).isFalse();
        h.harness.clock.advance(Duration.ofMillis(300));
        bob.transport.runDue();
        List<Node> received = bob.received();
        assertThat(received.get(received.size() - 2).attrs().string("id")).isEqualTo("S1");
        assertThat(received.getLast().tag()).isEqualTo("stream:error");
        assertThat(received.getLast().attrs().string("code")).isEqualTo("503");
        assertThat(bob.transport.isClosed()).isTrue();
    }

    @Test
    void badRequestsGetTypedErrors() {
        assertError(post("/admin/devices/" + h.b.jid().withDevice(7) + "/faults", "{\"dropNext\": 1}"), 404, "device-offline");
        assertError(post("/admin/devices/not%20a%20jid@@/faults", "{\"dropNext\": 1}"), 400, "invalid-jid");
        assertError(post(faults, "[]"), 400, "invalid-json");
        assertError(post(faults, ""), 400, "invalid-json");
        assertError(post(faults, "{}"), 400, "invalid-fault");
        assertError(post(faults, "{\"delayMillis\": -1}"), 400, "invalid-fault");
        assertError(post(faults, "{\"delayMillis\": 600000}"), 400, "invalid-fault");
        assertError(post(faults, "{\"delayMillis\": 1.5}"), 400, "invalid-fault");
        assertError(post(faults, "{\"dropNext\": \"x\"}"), 400, "invalid-fault");
        assertError(post(faults, "{\"dropMessages\": -2}"), 400, "invalid-fault");
        assertError(api.handle("GET", faults, new byte[0]).join(), 405, "method-not-allowed");
        assertThat(bob.connection.faults().dropNext()).isZero();
        assertThat(bob.connection.faults().delayMillis()).isZero();
    }

    private void send(String id) {
        alice.send(message(id, B + "@s.whatsapp.net", to(B + ":1@s.whatsapp.net", "msg", 1)));
    }

    private AdminResponse post(String path, String body) {
        return api.handle("POST", path, body.getBytes(StandardCharsets.UTF_8)).join();
    }

    private static List<String> ids(TestClient client) {
        return tagged(client, "message").stream().map(n -> n.attrs().string("id")).toList();
    }

    private static void assertError(AdminResponse answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(((AdminResponse.ErrorBody) answer.body()).error()).isEqualTo(code);
    }
}
