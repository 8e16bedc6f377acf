package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static io.tryx.simulator.interop.BaileysPeers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop: our client and an unmodified Baileys 7 client, each linked to its own account, exchange end-to-end
 * encrypted texts through the simulator both ways (pkmsg, then msg), with delivery and read receipts both ways.
 */
class ClientBaileysChatTest {

    static final String OURS = "15550004441";
    static final String BAILEYS = "15550004442";
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
        for (String phone : new String[] {OURS, BAILEYS}) {
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
    void ourClientAndBaileysExchangeTextsBothWaysWithReceipts(@TempDir Path auth) throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        try (NodeScript baileys = linkedBaileys(auth)) {
            Jid baileysUser = Jid.parse(BAILEYS + "@s.whatsapp.net");
            Jid ourUser = Jid.parse(OURS + "@s.whatsapp.net");

            long started = System.nanoTime();
            SendResult first = ours.client().sendText(baileysUser, "hello baileys").get(20, TimeUnit.SECONDS);
            JsonNode atBaileys = awaitText(baileys, "hello baileys");
            System.out.printf("our client -> Baileys first message (usync, prekeys, pkmsg) in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(atBaileys.path("id").asText()).isEqualTo(first.id());
            assertThat(atBaileys.path("from").asText()).contains(OURS);
            await("delivery receipt from Baileys").atMost(WITHIN)
                    .until(() -> ours.receiptsOf(first.id()).contains(ReceiptType.DELIVERY));
            baileys.send(JSON.writeValueAsString(Map.of("cmd", "read", "key", atBaileys.path("key"))));
            await("read receipt from Baileys").atMost(WITHIN)
                    .until(() -> ours.receiptsOf(first.id()).contains(ReceiptType.READ));

            started = System.nanoTime();
            send(baileys, OURS + "@s.whatsapp.net", "hello from baileys");
            await("text at our client\n" + baileys).atMost(WITHIN).until(() -> ours.texts().contains("hello from baileys"));
            System.out.printf("Baileys -> our client in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            MessageEvent.MessageReceived received = ours.received().getFirst();
            assertThat(received.info().chat()).isEqualTo(baileysUser);
            assertThat(received.info().sender().user()).isEqualTo(BAILEYS);
            assertThat(received.info().sender().device()).isEqualTo(1);
            // the text can reach us before Baileys reports it sent
            await("sent reported by Baileys\n" + baileys).atMost(WITHIN).until(() -> baileys.last("sent").isPresent());
            String sentId = baileys.last("sent").orElseThrow().path("id").asText();
            assertThat(received.info().id()).isEqualTo(sentId);
            await("delivery at Baileys\n" + baileys).atMost(WITHIN).until(() -> status(baileys, sentId) >= 3);
            ours.client().markRead(baileysUser, null, sentId).get(5, TimeUnit.SECONDS);
            await("read at Baileys\n" + baileys).atMost(WITHIN).until(() -> status(baileys, sentId) >= 4);

            // established sessions both ways: msg, not pkmsg
            ours.client().sendText(baileysUser, "second from us").get(20, TimeUnit.SECONDS);
            awaitText(baileys, "second from us");
            send(baileys, ourUser.toString(), "second from baileys");
            await("second at our client\n" + baileys).atMost(WITHIN).until(() -> ours.texts().contains("second from baileys"));
            assertThat(ours.undecryptable()).isEmpty();
            assertThat(baileys.count("error")).as("%s", baileys).isZero();
        }
    }

    private NodeScript linkedBaileys(Path auth) {
        return BaileysPeers.linkedTo(simulator, admin, BAILEYS, auth);
    }




}
