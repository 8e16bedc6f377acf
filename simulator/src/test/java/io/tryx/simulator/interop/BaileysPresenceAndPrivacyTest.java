package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tryx.simulator.interop.BaileysPeers.within;
import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.call;
import static io.tryx.simulator.interop.BaileysPeers.command;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static io.tryx.simulator.interop.BaileysPeers.tryCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two unmodified Baileys 7 clients: B subscribes to A's presence and sees A come and go ({@code presence.update}),
 * A's typing and recording reach B, A reads and changes its privacy settings (hiding last seen from B) and its
 * default disappearing timer, which B reads through usync.
 */
class BaileysPresenceAndPrivacyTest {

    static final String PHONE_A = "15550003331";
    static final String PHONE_B = "15550003332";
    static final String A = PHONE_A + "@s.whatsapp.net";
    static final String B = PHONE_B + "@s.whatsapp.net";

    @Test
    void presenceChatStatesAndPrivacy(@TempDir Path authA, @TempDir Path authB) throws Exception {
        try (BaileysPeers peers = new BaileysPeers()) {
            NodeScript a = peers.account(PHONE_A, authA);
            NodeScript b = peers.account(PHONE_B, authB);
            command(a, Map.of("cmd", "set-name", "name", "Alice"));
            command(b, Map.of("cmd", "set-name", "name", "Bob"));
            send(a, B, "hi B");
            awaitText(b, "hi B");
            within("A's push name").until(() ->
                    peers.admin.get("/admin/accounts/" + PHONE_A + "/profile").body().path("pushName").asText().equals("Alice"));

            long started = System.nanoTime();
            call(b, "presenceSubscribe", A);
            within("A's current presence at B\n" + b).until(() -> presenceOfA(b).isPresent());
            assertThat(presenceOfA(b).orElseThrow().path("lastKnownPresence").asText()).isEqualTo("unavailable");
            System.out.printf("Baileys presence subscription answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);

            started = System.nanoTime();
            call(a, "sendPresenceUpdate", "available");
            awaitPresence(b, "available");
            System.out.printf("Baileys A available -> B presence.update in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            call(a, "sendPresenceUpdate", "unavailable");
            awaitPresence(b, "unavailable");
            long lastSeen = presenceOfA(b).orElseThrow().path("lastSeen").asLong();
            assertThat(lastSeen).isEqualTo(peers.admin.get("/admin/accounts/" + PHONE_A + "/presence").body().path("lastSeen").asLong());

            started = System.nanoTime();
            call(a, "sendPresenceUpdate", "composing", B);
            awaitPresence(b, "composing");
            System.out.printf("Baileys A composing -> B in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            call(a, "sendPresenceUpdate", "recording", B);
            awaitPresence(b, "recording");
            call(a, "sendPresenceUpdate", "paused", B);
            awaitPresence(b, "available");

            JsonNode settings = call(a, "fetchPrivacySettings", true);
            assertThat(settings.path("last").asText()).isEqualTo("all");
            assertThat(settings.path("status").asText()).isEqualTo("contacts");
            assertThat(settings.path("readreceipts").asText()).isEqualTo("all");
            call(a, "updateLastSeenPrivacy", "none");
            assertThat(call(a, "fetchPrivacySettings", true).path("last").asText()).isEqualTo("none");
            assertThat(peers.admin.get("/admin/accounts/" + PHONE_A + "/privacy").body().path("categories").path("last").asText())
                    .isEqualTo("none");
            // B's subscription sees the last seen hidden at once
            within("last seen hidden from B\n" + b).until(() -> presenceOfA(b)
                    .filter(p -> p.path("lastKnownPresence").asText().equals("unavailable") && p.path("lastSeen").isMissingNode())
                    .isPresent());
            assertThat(tryCall(a, "updateOnlinePrivacy", "contacts").answer().path("status").asInt()).isEqualTo(400);
            assertThat(call(a, "fetchPrivacySettings", true).path("online").asText()).isEqualTo("all");

            call(a, "updateDefaultDisappearingMode", 86_400);
            JsonNode durations = call(b, "fetchDisappearingDuration", A);
            assertThat(durations.toString()).contains("\"duration\":86400");
        }
    }

    /** The latest presence B's client reported for A. */
    static Optional<JsonNode> presenceOfA(NodeScript b) {
        List<JsonNode> updates = events(b, "presence").stream().filter(e -> e.path("id").asText().equals(A)).toList();
        return updates.isEmpty() ? Optional.empty() : Optional.of(updates.getLast().path("presences").path(A));
    }

    static void awaitPresence(NodeScript b, String state) {
        within("A " + state + " at B\n" + b).until(() -> presenceOfA(b)
                .filter(p -> p.path("lastKnownPresence").asText().equals(state)).isPresent());
    }
}
