package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.AdminClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tryx.simulator.interop.BaileysPeers.WITHIN;
import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two unmodified Baileys 7 clients and a third member's mock phone in a LID-addressed group (created through
 * {@code POST /admin/groups} with {@code "addressingMode": "lid"}): the metadata lists everyone by LID with their
 * phone numbers, and texts go both ways from the senders' LID devices (Baileys sends under its LID and keys sender
 * keys by it); the mock phones decrypt them too.
 */
class BaileysLidGroupTest {

    static final String PHONE_A = "15550008881";
    static final String PHONE_B = "15550008882";
    static final String PHONE_C = "15550008883";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaileysPeers peers;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers();
        admin = peers.admin;
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void membersOfALidGroupExchangeGroupMessages(@TempDir Path authA, @TempDir Path authB) throws Exception {
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE_C, "pushName", "Carol")).status()).isEqualTo(201);
        try (NodeScript clientA = peers.account(PHONE_A, authA); NodeScript clientB = peers.account(PHONE_B, authB)) {
            AdminClient.Answer created = admin.post("/admin/groups", Map.of("creator", PHONE_A, "subject", "Lid team",
                    "participants", List.of(PHONE_B, PHONE_C), "addressingMode", "lid"));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            String group = created.body().path("jid").asText();
            String lidA = lid(PHONE_A);
            String lidB = lid(PHONE_B);
            String lidC = lid(PHONE_C);

            for (NodeScript member : List.of(clientA, clientB)) {
                await("create notification\n" + member).atMost(WITHIN).until(() -> member.events().stream().anyMatch(e ->
                        e.path("event").asText().equals("groups-upsert")
                                && e.path("groups").get(0).path("id").asText().equals(group)));
                JsonNode meta = call(member, "groupMetadata", group);
                assertThat(meta.path("addressingMode").asText()).isEqualTo("lid");
                Map<String, String> phones = new HashMap<>();
                meta.path("participants").forEach(p -> phones.put(p.path("id").asText(), p.path("phoneNumber").asText()));
                assertThat(phones).containsExactlyInAnyOrderEntriesOf(Map.of(lidA, PHONE_A + "@s.whatsapp.net",
                        lidB, PHONE_B + "@s.whatsapp.net", lidC, PHONE_C + "@s.whatsapp.net"));
            }

            long started = System.nanoTime();
            send(clientA, group, "hello lid group from A");
            JsonNode atB = awaitText(clientB, "hello lid group from A");
            System.out.printf("Baileys A -> LID group at B in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(atB.path("from").asText()).isEqualTo(group);
            assertThat(atB.path("participant").asText()).isEqualTo(lidA);
            await("B's and C's phones").atMost(WITHIN).until(() -> inbox(PHONE_B).contains("hello lid group from A")
                    && inbox(PHONE_C).contains("hello lid group from A"));

            send(clientB, group, "reply from B");
            assertThat(awaitText(clientA, "reply from B").path("participant").asText()).isEqualTo(lidB);
            send(clientA, group, "second from A");
            awaitText(clientB, "second from A");
            await("C's phone").atMost(WITHIN).until(() -> inbox(PHONE_C).containsAll(List.of("reply from B", "second from A")));
            assertThat(peers.simulator.phones().phone(peers.simulator.accounts().find(PHONE_C).orElseThrow()).failures())
                    .isEmpty();
        }
    }

    private List<String> inbox(String phone) {
        return admin.get("/admin/accounts/" + phone + "/inbox").body().findValuesAsText("text");
    }

    private String lid(String phone) {
        return admin.get("/admin/accounts/" + phone).body().path("lid").asText();
    }

    /** Calls a Baileys group function and waits for its result. */
    private static JsonNode call(NodeScript client, String op, Object... args) throws Exception {
        String ref = op + System.nanoTime();
        client.send(JSON.writeValueAsString(Map.of("cmd", "group", "op", op, "args", List.of(args), "ref", ref)));
        await(op + "\n" + client).atMost(WITHIN).until(() -> answer(client, ref).isPresent());
        JsonNode answer = answer(client, ref).orElseThrow();
        assertThat(answer.path("event").asText()).as("%s", answer).isEqualTo("group-result");
        return answer.path("result");
    }

    private static Optional<JsonNode> answer(NodeScript client, String ref) {
        return client.events().stream().filter(e -> e.path("ref").asText().equals(ref)).findFirst();
    }
}
