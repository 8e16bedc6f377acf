package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.tryx.simulator.interop.BaileysPeers.WITHIN;
import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three unmodified Baileys 7 clients on three accounts chat in a group through the simulator: A creates it
 * with B and C ({@code w:g2 create}, {@code <create>} notifications), everyone reads the metadata, texts go
 * out as one {@code skmsg} plus sender key distribution and are decrypted by the others, group receipts reach
 * the sender, promote / subject / remove arrive as {@code w:gp2} notifications (Baileys' {@code
 * group-participants.update} and {@code groups.update} events), a removed member gets nothing more and may
 * not send, and a member that was offline gets the group message from its queue.
 */
class BaileysGroupChatTest {

    static final String PHONE_A = "15550003331";
    static final String PHONE_B = "15550003332";
    static final String PHONE_C = "15550003333";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaileysPeers peers;
    private Simulator simulator;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers();
        simulator = peers.simulator;
        admin = peers.admin;
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void threeBaileysClientsChatInAGroup(@TempDir Path authA, @TempDir Path authB, @TempDir Path authC) throws Exception {
        String a = PHONE_A + "@s.whatsapp.net";
        String b = PHONE_B + "@s.whatsapp.net";
        String c = PHONE_C + "@s.whatsapp.net";
        try (NodeScript clientA = peers.account(PHONE_A, authA); NodeScript clientB = peers.account(PHONE_B, authB);
             NodeScript clientC = peers.account(PHONE_C, authC)) {
            long started = System.nanoTime();
            JsonNode created = call(clientA, "groupCreate", "Team", List.of(b, c));
            String group = created.path("id").asText();
            System.out.printf("Baileys A created %s in %d ms%n", group, (System.nanoTime() - started) / 1_000_000);
            assertThat(group).endsWith("@g.us");
            assertThat(created.path("subject").asText()).isEqualTo("Team");
            assertThat(roles(created)).containsExactlyInAnyOrderEntriesOf(Map.of(a, "superadmin", b, "", c, ""));
            for (NodeScript member : List.of(clientB, clientC)) {
                await("create notification\n" + member).atMost(WITHIN).until(() -> event(member, "groups-upsert",
                        e -> e.path("groups").get(0).path("id").asText().equals(group)).isPresent());
            }
            for (NodeScript member : List.of(clientA, clientB, clientC)) {
                JsonNode meta = call(member, "groupMetadata", group);
                assertThat(meta.path("subject").asText()).isEqualTo("Team");
                assertThat(meta.path("addressingMode").asText()).isEqualTo("pn");
                assertThat(roles(meta)).containsExactlyInAnyOrderEntriesOf(Map.of(a, "superadmin", b, "", c, ""));
            }

            started = System.nanoTime();
            send(clientA, group, "hello group from A");
            JsonNode atB = awaitText(clientB, "hello group from A");
            JsonNode atC = awaitText(clientC, "hello group from A");
            System.out.printf("Baileys A -> group (usync, prekeys, skmsg + sender keys) at B and C in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(atB.path("from").asText()).isEqualTo(group);
            assertThat(atB.path("participant").asText()).isEqualTo(a);
            assertThat(atC.path("participant").asText()).isEqualTo(a);
            String firstId = clientA.last("sent").orElseThrow().path("id").asText();
            // B's mock phone (device 0) got the sender key in a pkmsg and decrypted the skmsg too
            await("B's phone inbox").atMost(WITHIN).until(() -> admin.get("/admin/accounts/" + PHONE_B + "/inbox").body()
                    .findValuesAsText("text").contains("hello group from A"));
            JsonNode atPhone = admin.get("/admin/accounts/" + PHONE_B + "/inbox").body().get(0);
            assertThat(atPhone.path("chat").asText()).isEqualTo(group);
            assertThat(atPhone.path("from").asText()).isEqualTo(PHONE_A + ":1@s.whatsapp.net");
            await("group delivery receipts at A\n" + clientA).atMost(WITHIN).until(() -> clientA.events().stream()
                    .anyMatch(e -> e.path("event").asText().equals("user-receipt") && e.path("id").asText().equals(firstId)));

            started = System.nanoTime();
            send(clientB, group, "reply from B");
            assertThat(awaitText(clientA, "reply from B").path("participant").asText()).isEqualTo(b);
            awaitText(clientC, "reply from B");
            System.out.printf("Baileys B -> group reply at A and C in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            send(clientA, group, "second from A");
            awaitText(clientB, "second from A");
            awaitText(clientC, "second from A");

            JsonNode promoted = call(clientA, "groupParticipantsUpdate", group, List.of(b), "promote");
            assertThat(promoted.get(0).path("status").asText()).isEqualTo("200");
            awaitParticipants(List.of(clientB, clientC), group, "promote", b);
            call(clientA, "groupUpdateSubject", group, "Team 2");
            for (NodeScript member : List.of(clientB, clientC)) {
                await("subject update\n" + member).atMost(WITHIN).until(() -> event(member, "groups-update",
                        e -> e.path("updates").get(0).path("subject").asText().equals("Team 2")).isPresent());
            }
            JsonNode removed = call(clientA, "groupParticipantsUpdate", group, List.of(c), "remove");
            assertThat(removed.get(0).path("status").asText()).isEqualTo("200");
            awaitParticipants(List.of(clientB, clientC), group, "remove", c);
            JsonNode state = admin.get("/admin/groups/" + group).body();
            assertThat(state.path("subject").asText()).isEqualTo("Team 2");
            assertThat(state.path("participants").findValuesAsText("role")).containsExactly("superadmin", "admin");

            // C is out: A's next group message skips it (C gets a later 1:1 text, never the group one), and C may not send
            send(clientA, group, "after C left");
            awaitText(clientB, "after C left");
            send(clientA, c, "direct to C");
            awaitText(clientC, "direct to C");
            assertThat(BaileysPeers.text(clientC, "after C left")).isEmpty();
            BaileysPeers.command(clientC, Map.of("cmd", "send", "to", group, "text", "C should be refused"));
            await("C refused\n" + clientC).atMost(WITHIN).until(() -> clientC.last("error").isPresent());
            assertThat(BaileysPeers.text(clientA, "C should be refused")).isEmpty();

            // B goes offline; the group message waits in its queue
            clientB.send("{\"cmd\":\"stop\"}");
            assertThat(clientB.waitFor(10)).isTrue();
            await("B offline").atMost(WITHIN).until(() -> simulator.stats().connections() == 2);
            send(clientA, group, "while B is away");
            await("queued for B").atMost(WITHIN).until(() -> simulator.queued(PHONE_B, 1) >= 1);
            started = System.nanoTime();
            try (NodeScript again = peers.start(authB)) {
                JsonNode offline = awaitText(again, "while B is away");
                System.out.printf("Baileys B restarted: offline group message delivered %d ms after start%n",
                        (System.nanoTime() - started) / 1_000_000);
                assertThat(offline.path("from").asText()).isEqualTo(group);
                assertThat(again.count("qr")).isZero();
            }
            assertThat(clientA.count("group-error") + clientB.count("group-error")).as("%s\n%s", clientA, clientB).isZero();
        }
    }

    private void awaitParticipants(List<NodeScript> members, String group, String action, String participant) {
        for (NodeScript member : members) {
            await(action + " notification\n" + member).atMost(WITHIN).until(() -> event(member, "group-participants",
                    e -> e.path("id").asText().equals(group) && e.path("action").asText().equals(action)
                            && e.path("participants").toString().contains(participant)).isPresent());
        }
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

    private static Optional<JsonNode> event(NodeScript client, String name, Predicate<JsonNode> test) {
        return client.events().stream().filter(e -> e.path("event").asText().equals(name) && test.test(e)).findFirst();
    }

    private static Map<String, String> roles(JsonNode meta) {
        Map<String, String> roles = new java.util.HashMap<>();
        meta.path("participants").forEach(p -> roles.put(p.path("id").asText(), p.path("admin").asText("")));
        return roles;
    }
}
