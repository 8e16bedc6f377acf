package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.tryx.simulator.interop.BaileysPeers.within;
import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second Baileys companion links to A's account: B, which cached A's device list while chatting, gets the
 * {@code devices} notification and its next text reaches the new companion too (Baileys applied the change to its
 * cache instead of sending to the stale list); removing the companion is announced the same way.
 */
class BaileysDeviceListTest {

    static final String PHONE_A = "15550006661";
    static final String PHONE_B = "15550006662";
    static final String A = PHONE_A + "@s.whatsapp.net";

    @Test
    void aNewCompanionIsAnnouncedToPeersWhoThenReachIt(@TempDir Path authA1, @TempDir Path authA2, @TempDir Path authB) throws Exception {
        try (BaileysPeers peers = new BaileysPeers()) {
            NodeScript a1 = peers.account(PHONE_A, authA1);
            NodeScript b = peers.account(PHONE_B, authB);
            send(a1, PHONE_B + "@s.whatsapp.net", "hello B");
            awaitText(b, "hello B");
            send(b, A, "hello A");
            awaitText(a1, "hello A");

            long started = System.nanoTime();
            NodeScript a2 = peers.link(PHONE_A, authA2, 2);
            within("devices notification at B\n" + b).until(() -> devices(b, "add").isPresent());
            System.out.printf("second companion linked and announced to B in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            JsonNode add = devices(b, "add").orElseThrow();
            assertThat(add.path("from").asText()).isEqualTo(A);
            assertThat(add.path("devices").toString()).contains(PHONE_A + ":2@s.whatsapp.net");
            within("devices notification at A1\n" + a1).until(() -> devices(a1, "add").isPresent());

            send(b, A, "to both companions");
            awaitText(a1, "to both companions");
            awaitText(a2, "to both companions");

            assertThat(peers.admin.delete("/admin/accounts/" + PHONE_A + "/devices/2").status()).isEqualTo(200);
            within("remove notification at B\n" + b).until(() -> devices(b, "remove").isPresent());
            assertThat(devices(b, "remove").orElseThrow().path("devices").toString()).contains(PHONE_A + ":2@s.whatsapp.net");
        }
    }

    private static java.util.Optional<JsonNode> devices(NodeScript client, String change) {
        return events(client, "notification").stream()
                .filter(e -> e.path("type").asText().equals("devices") && e.path("child").asText().equals(change))
                .reduce((x, y) -> y);
    }
}
