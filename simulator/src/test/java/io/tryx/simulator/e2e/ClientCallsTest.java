package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.calls.CallEvent;
import io.tryx.protocol.client.calls.CallException;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.AdminClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tryx.simulator.e2e.SocialClients.WITHIN;
import static io.tryx.simulator.e2e.SocialClients.await;
import static io.tryx.simulator.e2e.SocialClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls through the simulator: a mock phone calls an account and our linked client reports the offer with its
 * fields, acknowledges it, and reports the termination; our client rejects a call, the caller's companion sees the
 * reject and the call ends at the server.
 */
class ClientCallsTest {

    static final String ALICE = "15550008101";
    static final String BOB = "15550008102";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer bob;
    private final List<CallEvent> aliceCalls = new CopyOnWriteArrayList<>();
    private final List<CallEvent> bobCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB);
        alice = sim.link(ALICE);
        bob = sim.link(BOB);
        alice.client().addCallListener(aliceCalls::add);
        bob.client().addCallListener(bobCalls::add);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void anOfferArrivesWithItsFieldsIsAcknowledgedAndItsTerminationFollows() {
        Instant before = Instant.now().minusSeconds(1);
        long started = System.nanoTime();
        JsonNode call = place(BOB, ALICE, true, null);
        String callId = call.path("callId").asText();
        await("offer at Alice").atMost(WITHIN).until(() -> !of(aliceCalls, CallEvent.Offered.class).isEmpty());
        System.out.printf("offer reached the callee in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        CallEvent.Offered offer = of(aliceCalls, CallEvent.Offered.class).getFirst();
        assertThat(offer.meta().callId()).isEqualTo(callId).hasSize(32);
        assertThat(offer.meta().from()).isEqualTo(bob.user());
        assertThat(offer.meta().creator()).isEqualTo(bob.user());
        assertThat(offer.meta().group()).isNull();
        assertThat(offer.meta().offline()).isFalse();
        assertThat(offer.meta().timestamp()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(offer.video()).isTrue();
        assertThat(offer.platform()).isEqualTo("android");
        String aliceDevice = alice.linked().connected().jid().toString();
        await("the offer acknowledged").atMost(WITHIN).until(() ->
                strings(call(callId).path("acknowledgedBy")).contains(aliceDevice));
        assertThat(strings(call(callId).path("offeredTo"))).containsExactly(aliceDevice);
        assertThat(bobCalls).as("the caller's companion is not offered its own call").isEmpty();

        AdminClient.Answer ended = sim.admin.post("/admin/calls/" + callId + "/terminate", Map.of("reason", "timeout"));
        assertThat(ended.status()).as("%s", ended.body()).isEqualTo(200);
        assertThat(ended.body().path("state").asText()).isEqualTo("terminated");
        await("terminate at Alice").atMost(WITHIN).until(() -> !of(aliceCalls, CallEvent.Terminated.class).isEmpty());
        CallEvent.Terminated terminated = of(aliceCalls, CallEvent.Terminated.class).getFirst();
        assertThat(terminated.meta().callId()).isEqualTo(callId);
        assertThat(terminated.reason()).isEqualTo("timeout");
        assertThat(aliceCalls).as("offer then terminate, in order").hasSize(2).first().isEqualTo(offer);
        assertThat(sim.admin.post("/admin/calls/" + callId + "/terminate", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aGroupCallNamesItsGroupAndAVoiceCallIsNoVideo() {
        JsonNode call = place(BOB, ALICE, false, "120363000000000077@g.us");
        await("offer at Alice").atMost(WITHIN).until(() -> !of(aliceCalls, CallEvent.Offered.class).isEmpty());
        CallEvent.Offered offer = of(aliceCalls, CallEvent.Offered.class).getFirst();
        assertThat(offer.meta().callId()).isEqualTo(call.path("callId").asText());
        assertThat(offer.meta().group()).isEqualTo(Jid.parse("120363000000000077@g.us"));
        assertThat(offer.video()).isFalse();
        assertThat(sim.admin.post("/admin/accounts/" + BOB + "/calls", Map.of("to", BOB)).status()).isEqualTo(400);
        assertThat(sim.admin.post("/admin/accounts/" + BOB + "/calls", Map.of("to", "15550008199")).status()).isEqualTo(404);
    }

    @Test
    void aRejectReachesTheCallerAndEndsTheCall() {
        JsonNode call = place(BOB, ALICE, false, null);
        String callId = call.path("callId").asText();
        await("offer at Alice").atMost(WITHIN).until(() -> !of(aliceCalls, CallEvent.Offered.class).isEmpty());

        long started = System.nanoTime();
        await(alice.client().calls().reject(callId, bob.user()));
        System.out.printf("reject acknowledged in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        JsonNode after = call(callId);
        assertThat(after.path("state").asText()).isEqualTo("rejected");
        assertThat(after.path("rejectedBy").asText()).isEqualTo(alice.linked().connected().jid().toString());
        await("reject at Bob's companion").atMost(WITHIN).until(() -> !of(bobCalls, CallEvent.Rejected.class).isEmpty());
        CallEvent.Rejected rejected = of(bobCalls, CallEvent.Rejected.class).getFirst();
        assertThat(rejected.meta().callId()).isEqualTo(callId);
        assertThat(rejected.meta().from()).isEqualTo(alice.user());
        assertThat(rejected.meta().creator()).isEqualTo(bob.user());
        assertThat(sim.admin.post("/admin/calls/" + callId + "/terminate", Map.of()).status())
                .as("the call ended").isEqualTo(409);

        assertThat(failure(alice.client().calls().reject(callId, bob.user())))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.code()).isEqualTo(409));
        assertThat(failure(alice.client().calls().reject("00000000000000000000000000000000", bob.user())))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    private JsonNode place(String caller, String callee, boolean video, String group) {
        Map<String, Object> body = group == null ? Map.of("to", callee, "video", video)
                : Map.of("to", callee, "video", video, "group", group);
        AdminClient.Answer answer = sim.admin.post("/admin/accounts/" + caller + "/calls", body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        assertThat(answer.body().path("state").asText()).isEqualTo("ringing");
        return answer.body();
    }

    private JsonNode call(String callId) {
        AdminClient.Answer answer = sim.admin.get("/admin/calls/" + callId);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static <T extends CallEvent> List<T> of(List<CallEvent> events, Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
