package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
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
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop: an unmodified Baileys 7 client decrypts our text status (sender key distribution, then skmsg, from
 * {@code status@broadcast}), and the status Baileys posts with {@code statusJidList} reaches our client in the chat
 * {@code status@broadcast}.
 */
class ClientBaileysStatusTest {

    static final String OURS = "15550008201";
    static final String BAILEYS = "15550008202";
    static final Duration WITHIN = Duration.ofSeconds(30);

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
    void baileysReadsOurStatusAndWeReadBaileysStatus(@TempDir Path auth) throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        try (NodeScript baileys = linkedBaileys(BAILEYS, auth)) {
            Jid baileysUser = Jid.parse(BAILEYS + "@s.whatsapp.net");
            long started = System.nanoTime();
            SendResult posted = ours.client().status().postText("status from ours", 0xFF3366CC,
                    E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM, List.of(baileysUser)).get(20, TimeUnit.SECONDS);
            JsonNode atBaileys = awaitText(baileys, "status from ours");
            System.out.printf("our text status at Baileys in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(atBaileys.path("from").asText()).isEqualTo("status@broadcast");
            assertThat(atBaileys.path("participant").asText()).isEqualTo(OURS + "@s.whatsapp.net");
            assertThat(atBaileys.path("id").asText()).isEqualTo(posted.id());

            ours.client().status().postText("second status", 0xFF000000,
                    E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM, List.of(baileysUser)).get(20, TimeUnit.SECONDS);
            awaitText(baileys, "second status");

            long sent = baileys.count("sent");
            command(baileys, Map.of("cmd", "send-content", "to", "status@broadcast",
                    "content", Map.of("text", "status from baileys"),
                    "options", Map.of("statusJidList", List.of(OURS + "@s.whatsapp.net"))));
            await("Baileys posted\n" + baileys).atMost(WITHIN).until(() -> baileys.count("sent") > sent);
            await("Baileys' status at ours").atMost(WITHIN).until(() ->
                    ours.textsIn(Jid.STATUS_BROADCAST).contains("status from baileys"));
            MessageEvent.MessageReceived received = ours.received().stream()
                    .filter(m -> m.text().equals("status from baileys")).findFirst().orElseThrow();
            assertThat(received.info().sender().toNonAd()).isEqualTo(baileysUser);
            assertThat(ours.undecryptable()).isEmpty();
            assertThat(baileys.count("error")).as("%s", baileys).isZero();
        }
    }

    private NodeScript linkedBaileys(String phone, Path auth) {
        return BaileysPeers.linkedTo(simulator, admin, phone, auth);
    }
}
