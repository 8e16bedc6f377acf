package io.tryx.simulator.e2e;

import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that compresses stanzas (flag 2, zlib) as WhatsApp compresses large ones: our client and an unmodified
 * Baileys 7 still pair, log in, exchange texts (every message stanza compressed) and see group metadata; our
 * client also works when every single stanza is compressed.
 */
class CompressedFramesTest {

    static final String OURS = "15550007301";
    static final String BAILEYS = "15550007302";
    static final Duration WITHIN = Duration.ofSeconds(30);

    private BaileysPeers peers;
    private ClientHarness clients;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers(SimulatorConfig.defaults().withCompressAbove(200));
        clients = new ClientHarness(peers.simulator().chatUrl(), peers.simulator().rootPublicKey());
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void ourClientAndBaileysWorkWhenEveryStanzaIsCompressed(@TempDir Path auth) throws Exception {
        NodeScript baileys = peers.account(BAILEYS, auth);
        assertThat(peers.admin().post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        Linked ours = Linked.link(clients, peers.admin(), OURS, new InMemoryAccountStore("ours"));
        Jid them = Jid.parse(BAILEYS + "@s.whatsapp.net");

        SendResult sent = ours.client().sendText(them, "compressed hello").get(20, TimeUnit.SECONDS);
        assertThat(awaitText(baileys, "compressed hello").path("id").asText()).isEqualTo(sent.id());
        BaileysPeers.send(baileys, OURS + "@s.whatsapp.net", "compressed reply");
        await("reply at our client").atMost(WITHIN).until(() -> ours.texts().contains("compressed reply"));

        var group = ours.client().groups().create("Zipped", List.of(them)).get(20, TimeUnit.SECONDS);
        assertThat(ours.client().groups().metadata(group.jid()).get(20, TimeUnit.SECONDS).participants()).hasSize(2);
        assertThat(ours.undecryptable()).isEmpty();
        assertThat(baileys.count("error")).as("%s", baileys).isZero();
    }

    @Test
    void ourClientPairsAndChatsWhenEvenTheSmallestStanzaIsCompressed() throws Exception {
        try (var simulator = io.tryx.simulator.Simulator.start(SimulatorConfig.defaults().withCompressAbove(1));
             var harness = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey())) {
            var admin = new io.tryx.simulator.AdminClient(simulator.adminUrl());
            String phone = "15550007303";
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "Tiny")).status()).isEqualTo(201);
            assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
            Linked ours = Linked.link(harness, admin, OURS, new InMemoryAccountStore("tiny"));
            var sent = admin.post("/admin/accounts/" + phone + "/messages", Map.of("to", OURS + "@s.whatsapp.net", "text", "tiny"));
            assertThat(sent.status()).isEqualTo(200);
            await().atMost(WITHIN).until(() -> ours.texts().contains("tiny"));
            ours.client().sendText(Jid.parse(phone + "@s.whatsapp.net"), "back").get(20, TimeUnit.SECONDS);
            await().atMost(WITHIN).until(() -> admin.get("/admin/accounts/" + phone + "/inbox").body().toString().contains("back"));
        }
    }
}
