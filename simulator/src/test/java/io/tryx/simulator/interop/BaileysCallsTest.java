package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.simulator.AdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tryx.simulator.interop.BaileysPeers.call;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unmodified Baileys 7 client takes the simulator's call stanzas as real ones: the offer arrives as its
 * {@code call} event with the caller, call id, time, video and group flags, Baileys acknowledges it, and its
 * {@code rejectCall} ends the call at the server and reaches the caller's companion; a terminate with reason
 * {@code timeout} arrives as Baileys' {@code timeout} status.
 */
class BaileysCallsTest {

    static final String CALLEE = "15550008201";
    static final String CALLER = "15550008202";

    @Test
    void baileysReceivesTheOfferAndRejectsIt(@TempDir Path calleeAuth, @TempDir Path callerAuth) throws Exception {
        try (BaileysPeers peers = new BaileysPeers()) {
            NodeScript callee = peers.account(CALLEE, calleeAuth);
            NodeScript caller = peers.account(CALLER, callerAuth);
            String callerJid = CALLER + "@s.whatsapp.net";

            long before = System.currentTimeMillis() / 1000 * 1000;
            JsonNode placed = place(peers.admin(), Map.of("to", CALLEE, "video", true));
            String callId = placed.path("callId").asText();
            within("offer at Baileys\n" + callee).until(() -> step(callee, callId, "offer").isPresent());
            JsonNode offer = step(callee, callId, "offer").orElseThrow();
            assertThat(offer.path("chatId").asText()).isEqualTo(callerJid);
            assertThat(offer.path("from").asText()).isEqualTo(callerJid);
            assertThat(offer.path("isVideo").asBoolean()).isTrue();
            assertThat(offer.path("isGroup").asBoolean()).isFalse();
            assertThat(offer.path("offline").asBoolean()).isFalse();
            assertThat(offer.path("date").asLong()).isEqualTo(placed.path("t").asLong() * 1000).isGreaterThanOrEqualTo(before);
            within("Baileys acknowledged the offer").until(() -> !callState(peers, callId).path("acknowledgedBy").isEmpty());
            assertThat(callState(peers, callId).path("acknowledgedBy")).isEqualTo(callState(peers, callId).path("offeredTo"));

            long started = System.nanoTime();
            call(callee, "rejectCall", callId, callerJid);
            System.out.printf("Baileys rejectCall answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            JsonNode after = callState(peers, callId);
            assertThat(after.path("state").asText()).isEqualTo("rejected");
            assertThat(after.path("rejectedBy").asText()).isEqualTo(after.path("offeredTo").get(0).asText());
            within("reject at the caller's companion\n" + caller).until(() -> step(caller, callId, "reject").isPresent());
            assertThat(step(caller, callId, "reject").orElseThrow().path("chatId").asText())
                    .isEqualTo(CALLEE + "@s.whatsapp.net");
            // a second reject is nacked (error="409" on the ack); Baileys' query only checks for an error child
            BaileysPeers.tryCall(callee, "rejectCall", callId, callerJid);
            assertThat(callState(peers, callId).path("rejectedBy")).isEqualTo(after.path("rejectedBy"));

            JsonNode group = place(peers.admin(), Map.of("to", CALLEE, "video", false, "group", "120363000000000088@g.us"));
            String groupCallId = group.path("callId").asText();
            within("group offer\n" + callee).until(() -> step(callee, groupCallId, "offer").isPresent());
            JsonNode groupOffer = step(callee, groupCallId, "offer").orElseThrow();
            assertThat(groupOffer.path("isGroup").asBoolean()).isTrue();
            assertThat(groupOffer.path("groupJid").asText()).isEqualTo("120363000000000088@g.us");
            assertThat(groupOffer.path("isVideo").asBoolean()).isFalse();
            AdminClient.Answer ended = peers.admin().post("/admin/calls/" + groupCallId + "/terminate",
                    Map.of("reason", "timeout"));
            assertThat(ended.status()).as("%s", ended.body()).isEqualTo(200);
            within("timeout at Baileys\n" + callee).until(() -> step(callee, groupCallId, "timeout").isPresent());
            assertThat(callee.count("error") + caller.count("error")).as("%s\n%s", callee, caller).isZero();
        }
    }

    private static JsonNode place(AdminClient admin, Map<String, Object> body) {
        AdminClient.Answer answer = admin.post("/admin/accounts/" + CALLER + "/calls", body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return answer.body();
    }

    private static JsonNode callState(BaileysPeers peers, String callId) {
        AdminClient.Answer answer = peers.admin().get("/admin/calls/" + callId);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static Optional<JsonNode> step(NodeScript client, String callId, String status) {
        List<JsonNode> calls = events(client, "call");
        return calls.stream().filter(c -> c.path("id").asText().equals(callId) && c.path("status").asText().equals(status))
                .findFirst();
    }
}
