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

/** Peer protocol messages from our own phone go to the runtime's consumers (first its own) instead of the message listeners. */
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
        InMemoryAccountStore store = new InMemoryAccountStore("ours");
        List<HistorySyncEvent> history = new CopyOnWriteArrayList<>();
        Linked ours = Linked.link(clients, admin, OURS, store, client -> {
            client.addHistoryListener(history::add);
            client.messaging().addPeerMessageConsumer((MessageInfo info, E2EProto.Message message) -> {
                if (!info.category().equals("peer") || !message.hasProtocolMessage()) {
                    return false;
                }
                taken.add(message.getProtocolMessage().getType());
                return true;
            });
        });

        // the runtime's own consumers come first: app state stores the shared key, history sync takes its notification
        await().atMost(Linked.WITHIN).until(() -> store.latestAppStateSyncKey().isPresent()
                && history.stream().anyMatch(HistorySyncEvent.ChunkCompleted.class::isInstance));
        assertThat(taken).doesNotContain(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE,
                E2EProto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION);
        AdminClient.Answer sent = admin.post("/admin/accounts/" + OURS + "/messages",
                Map.of("to", OURS + "@s.whatsapp.net", "text", "note to self"));
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);

        await().atMost(Linked.WITHIN).until(() -> ours.texts().contains("note to self"));
        assertThat(ours.peerMessages()).isEmpty();
        assertThat(ours.undecryptable()).isEmpty();
    }
}
