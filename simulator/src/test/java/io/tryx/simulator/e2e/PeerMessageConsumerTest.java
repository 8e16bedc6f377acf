package io.tryx.simulator.e2e;

import io.tryx.protocol.client.history.HistorySyncEvent;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Peer protocol messages from our own phone go to the runtime's consumers instead of the message listeners. */
class PeerMessageConsumerTest {

    static final String OURS = "15550006661";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey()).trustMedia(simulator.tlsCertificate());
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void consumedPeerMessagesAreNotReportedAsMessagesButChatMessagesStillAre() {
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        List<E2EProto.Message.ProtocolMessage.Type> taken = new CopyOnWriteArrayList<>();
        List<HistorySyncEvent> history = new CopyOnWriteArrayList<>();
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"), client -> {
            client.addHistoryListener(history::add);
            client.messaging().addPeerMessageConsumer((MessageInfo info, E2EProto.Message message) -> {
                if (!info.category().equals("peer") || !message.hasProtocolMessage()) {
                    return false;
                }
                taken.add(message.getProtocolMessage().getType());
                return true;
            });
        });

        // the key share goes to the consumer above, the history notification to the runtime's own (history sync)
        await().atMost(Linked.WITHIN).until(() -> taken.contains(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE)
                && history.stream().anyMatch(HistorySyncEvent.ChunkCompleted.class::isInstance));
        assertThat(taken).doesNotContain(E2EProto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION);
        AdminClient.Answer sent = admin.post("/admin/accounts/" + OURS + "/messages",
                Map.of("to", OURS + "@s.whatsapp.net", "text", "note to self"));
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);

        await().atMost(Linked.WITHIN).until(() -> ours.texts().contains("note to self"));
        assertThat(ours.peerMessages()).isEmpty();
        assertThat(ours.undecryptable()).isEmpty();
    }
}
