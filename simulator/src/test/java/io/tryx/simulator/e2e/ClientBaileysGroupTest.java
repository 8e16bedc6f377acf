package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.messaging.GroupEvent;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.ReceiptType;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.interop.BaileysPeers;
import io.tryx.simulator.interop.NodeScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop: our client and two unmodified Baileys 7 clients, each on its own account, in one group through the
 * simulator: our client creates it, its texts (sender key distribution, then skmsg only) are decrypted by both
 * Baileys clients, theirs by our client, in both directions; Baileys' group receipts and its subject change reach us.
 */
class ClientBaileysGroupTest {

    static final String OURS = "15550007771";
    static final String FIRST = "15550007772";
    static final String SECOND = "15550007773";
    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws Exception {
        NodeScript.home();
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : new String[] {OURS, FIRST, SECOND}) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void ourClientAndTwoBaileysClientsChatInOneGroupBothWays(@TempDir Path authFirst, @TempDir Path authSecond)
            throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        try (NodeScript first = linkedBaileys(FIRST, authFirst); NodeScript second = linkedBaileys(SECOND, authSecond)) {
            Jid firstUser = Jid.parse(FIRST + "@s.whatsapp.net");
            Jid secondUser = Jid.parse(SECOND + "@s.whatsapp.net");
            GroupInfo info = ours.client().groups().create("Mixed", List.of(firstUser, secondUser)).get(20, TimeUnit.SECONDS);
            Jid group = info.jid();
            for (NodeScript baileys : List.of(first, second)) {
                await("create at Baileys\n" + baileys).atMost(WITHIN).until(() -> baileys.events().stream().anyMatch(e ->
                        e.path("event").asText().equals("groups-upsert")
                                && e.path("groups").get(0).path("id").asText().equals(group.toString())));
            }

            long started = System.nanoTime();
            SendResult hello = ours.client().sendText(group, "hello from ours").get(20, TimeUnit.SECONDS);
            JsonNode atFirst = awaitText(first, "hello from ours");
            awaitText(second, "hello from ours");
            System.out.printf("our client -> group at two Baileys clients in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(atFirst.path("from").asText()).isEqualTo(group.toString());
            assertThat(atFirst.path("participant").asText()).isEqualTo(OURS + "@s.whatsapp.net");
            assertThat(atFirst.path("id").asText()).isEqualTo(hello.id());
            await("Baileys' group delivery receipts").atMost(WITHIN).until(() -> ours.receipts().stream()
                    .filter(r -> r.ids().contains(hello.id()) && r.type() == ReceiptType.DELIVERY && r.chat().equals(group))
                    .map(r -> r.sender().toNonAd()).toList().containsAll(List.of(firstUser, secondUser)));

            started = System.nanoTime();
            send(first, group.toString(), "hello from first");
            await("first's text at ours").atMost(WITHIN).until(() -> ours.textsIn(group).contains("hello from first"));
            awaitText(second, "hello from first");
            System.out.printf("Baileys -> group at our client in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            MessageEvent.MessageReceived fromFirst = ours.received().stream()
                    .filter(m -> m.text().equals("hello from first")).findFirst().orElseThrow();
            assertThat(fromFirst.info().group()).isTrue();
            assertThat(fromFirst.info().sender().toNonAd()).isEqualTo(firstUser);
            ours.client().markRead(group, fromFirst.info().sender(), fromFirst.info().id()).get(5, TimeUnit.SECONDS);

            send(second, group.toString(), "hello from second");
            await("second's text at ours").atMost(WITHIN).until(() -> ours.textsIn(group).contains("hello from second"));

            // established: our next text is an skmsg only, the Baileys clients keep reading
            ours.client().sendText(group, "second from ours").get(20, TimeUnit.SECONDS);
            awaitText(first, "second from ours");
            awaitText(second, "second from ours");
            send(first, group.toString(), "second from first");
            await().atMost(WITHIN).until(() -> ours.textsIn(group).contains("second from first"));

            String ref = "subject" + System.nanoTime();
            first.send(JSON.writeValueAsString(Map.of("cmd", "group", "op", "groupUpdateSubject",
                    "args", List.of(group.toString(), "Renamed by Baileys"), "ref", ref)));
            await("Baileys' subject change at ours").atMost(WITHIN).until(() -> ours.events(GroupEvent.SubjectChanged.class)
                    .stream().anyMatch(s -> s.subject().equals("Renamed by Baileys") && s.actor().equals(firstUser)));
            assertThat(ours.undecryptable()).isEmpty();
            assertThat(first.count("error") + second.count("error")).as("%s\n%s", first, second).isZero();
        }
    }

    @Test
    void ourClientAndABaileysClientChatInALidAddressedGroup(@TempDir Path authFirst) throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        try (NodeScript first = linkedBaileys(FIRST, authFirst)) {
            AdminClient.Answer created = admin.post("/admin/groups", Map.of("creator", FIRST, "subject", "Lid mixed",
                    "participants", List.of(OURS), "addressingMode", "lid"));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            Jid group = Jid.parse(created.body().path("jid").asText());
            String ourLid = admin.get("/admin/accounts/" + OURS).body().path("lid").asText();
            Jid firstLid = Jid.parse(admin.get("/admin/accounts/" + FIRST).body().path("lid").asText());
            await("create at Baileys\n" + first).atMost(WITHIN).until(() -> first.events().stream().anyMatch(e ->
                    e.path("event").asText().equals("groups-upsert")
                            && e.path("groups").get(0).path("id").asText().equals(group.toString())));

            SendResult hello = ours.client().sendText(group, "hello lid from ours").get(20, TimeUnit.SECONDS);
            JsonNode atFirst = awaitText(first, "hello lid from ours");
            assertThat(atFirst.path("participant").asText()).isEqualTo(ourLid);
            assertThat(atFirst.path("id").asText()).isEqualTo(hello.id());

            send(first, group.toString(), "hello lid from first");
            await("first's text at ours").atMost(WITHIN).until(() -> ours.textsIn(group).contains("hello lid from first"));
            MessageEvent.MessageReceived fromFirst = ours.received().stream()
                    .filter(m -> m.text().equals("hello lid from first")).findFirst().orElseThrow();
            assertThat(fromFirst.info().sender().toNonAd()).isEqualTo(firstLid);
            assertThat(fromFirst.info().senderAlt().toNonAd()).isEqualTo(Jid.parse(FIRST + "@s.whatsapp.net"));

            ours.client().sendText(group, "second lid from ours").get(20, TimeUnit.SECONDS);
            awaitText(first, "second lid from ours");
            assertThat(ours.undecryptable()).isEmpty();
            assertThat(first.count("error")).as("%s", first).isZero();
        }
    }

    private NodeScript linkedBaileys(String phone, Path auth) {
        return BaileysPeers.linkedTo(simulator, admin, phone, auth);
    }



}
