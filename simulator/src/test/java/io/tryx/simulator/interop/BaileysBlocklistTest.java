package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.tryx.simulator.interop.BaileysPeers.within;
import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.call;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static io.tryx.simulator.interop.BaileysPeers.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unmodified Baileys 7 client blocks another ({@code updateBlockStatus}): the blocked one's text is accepted by
 * the server but reaches neither the blocker's companion nor its phone; after unblocking, texts flow again.
 */
class BaileysBlocklistTest {

    static final String PHONE_A = "15550004441";
    static final String PHONE_B = "15550004442";

    @Test
    void aBlockedSendersTextsNeverArriveUntilUnblocked(@TempDir Path authA, @TempDir Path authB) throws Exception {
        try (BaileysPeers peers = new BaileysPeers()) {
            NodeScript a = peers.account(PHONE_A, authA);
            NodeScript b = peers.account(PHONE_B, authB);
            send(a, PHONE_B + "@s.whatsapp.net", "hello B");
            awaitText(b, "hello B");
            String lidB = peers.admin.get("/admin/accounts/" + PHONE_B).body().path("lid").asText();

            long started = System.nanoTime();
            call(a, "updateBlockStatus", PHONE_B + "@s.whatsapp.net", "block");
            System.out.printf("Baileys updateBlockStatus answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(call(a, "fetchBlocklist").toString()).contains(lidB);
            assertThat(peers.admin.get("/admin/accounts/" + PHONE_A + "/blocklist").body().toString())
                    .contains(PHONE_B + "@s.whatsapp.net");

            String blocked = send(b, PHONE_A + "@s.whatsapp.net", "while blocked");
            call(a, "updateBlockStatus", PHONE_B + "@s.whatsapp.net", "unblock");
            assertThat(call(a, "fetchBlocklist").size()).isZero();

            send(b, PHONE_A + "@s.whatsapp.net", "after unblock");
            awaitText(a, "after unblock");
            within("phone A inbox").until(() -> inboxHas(peers, "after unblock"));
            // texts from one sender are relayed in order: had the blocked one been delivered, it would be here first
            assertThat(text(a, "while blocked")).isEmpty();
            assertThat(inboxHas(peers, "while blocked")).isFalse();
            assertThat(events(b, "receipt").stream().filter(e -> e.path("id").asText().equals(blocked))
                    .noneMatch(e -> e.path("status").asInt() == 0)).as("no error ack for the blocked text").isTrue();
            assertThat(a.count("error") + b.count("error")).as("%s\n%s", a, b).isZero();
        }
    }

    private static boolean inboxHas(BaileysPeers peers, String text) {
        for (JsonNode entry : peers.admin.get("/admin/accounts/" + PHONE_A + "/inbox").body()) {
            if (entry.path("text").asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
