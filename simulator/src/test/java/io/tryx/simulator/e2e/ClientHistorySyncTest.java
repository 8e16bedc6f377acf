package io.tryx.simulator.e2e;

import io.tryx.protocol.client.history.HistoryFailure;
import io.tryx.protocol.client.history.HistoryMessage;
import io.tryx.protocol.client.history.HistorySyncEvent;
import io.tryx.protocol.client.history.PushName;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.history.GeneratedHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mock phone's history reaches our newly linked client as typed history sync events, chunk by chunk. */
class ClientHistorySyncTest {

    static final String OURS = "15550006801";
    static final String BOB = "15550006802@s.whatsapp.net";
    static final String CAROL = "15550006803@s.whatsapp.net";
    static final String TEAM = "120363000000068001@g.us";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults().withPhoneInboxLimit(5_000));
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey()).trustMedia(simulator.tlsCertificate());
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void seededHistoryArrivesAsConversationsWithMessagesPushNamesAndRisingProgress() {
        AdminClient.Answer seeded = admin.post("/admin/accounts/" + OURS + "/history", Map.of(
                "conversations", List.of(
                        Map.of("jid", BOB, "name", "Bob", "messages", List.of(
                                Map.of("id", "B1", "fromMe", true, "text", "hi Bob", "timestamp", 2_000_000_000L),
                                Map.of("id", "B2", "fromMe", false, "text", "hello there", "timestamp", 2_000_000_001L))),
                        Map.of("jid", TEAM, "name", "Team", "messages", List.of(
                                Map.of("id", "T1", "fromMe", false, "text", "team news", "participant", CAROL,
                                        "timestamp", 2_000_000_002L)))),
                "pushNames", Map.of(BOB, "Bobby", CAROL, "Caro"),
                "generate", Map.of("conversations", 3, "messages", 250),
                "chunkMessages", 300));
        assertThat(seeded.status()).as("%s", seeded.body()).isEqualTo(200);

        List<HistorySyncEvent> events = new CopyOnWriteArrayList<>();
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"),
                client -> client.addHistoryListener(events::add));

        await().atMost(Linked.WITHIN).until(() -> completed(events).stream()
                .anyMatch(c -> c.chunk().syncType() == E2EProto.Message.HistorySyncType.PUSH_NAME));
        List<HistorySyncEvent.ChunkCompleted> chunks = completed(events);
        // 753 messages in chunks of about 300 whole conversations, then the push names
        assertThat(chunks).extracting(c -> c.chunk().chunkOrder()).containsExactly(0, 1, 2, 3);
        assertThat(chunks).extracting(c -> c.chunk().progress().orElse(-1)).isSorted().endsWith(100, 100);
        assertThat(chunks.stream().mapToLong(HistorySyncEvent.ChunkCompleted::messages).sum()).isEqualTo(753);
        assertThat(chunks.stream().mapToInt(HistorySyncEvent.ChunkCompleted::conversations).sum()).isEqualTo(5);
        assertThat(events).filteredOn(HistorySyncEvent.ChunkFailed.class::isInstance).isEmpty();
        assertThat(events).extracting(HistorySyncEvent::id).doesNotHaveDuplicates();

        assertThat(messagesIn(events, BOB)).extracting(HistoryMessage::text).containsExactly("hello there", "hi Bob");
        HistoryMessage fromBob = messagesIn(events, BOB).getFirst();
        assertThat(fromBob.info().fromMe()).isFalse();
        assertThat(fromBob.info().sender()).isEqualTo(Jid.parse(BOB));
        assertThat(fromBob.info().pushName()).isEqualTo("Bobby");
        assertThat(fromBob.info().timestamp().getEpochSecond()).isEqualTo(2_000_000_001L);
        HistoryMessage mine = messagesIn(events, BOB).get(1);
        assertThat(mine.info().fromMe()).isTrue();
        assertThat(mine.info().sender()).isEqualTo(Jid.parse(OURS + "@s.whatsapp.net"));
        HistoryMessage inTeam = messagesIn(events, TEAM).getFirst();
        assertThat(inTeam.info().group()).isTrue();
        assertThat(inTeam.info().sender()).isEqualTo(Jid.parse(CAROL));
        assertThat(inTeam.text()).isEqualTo("team news");
        assertThat(conversation(events, TEAM).name()).contains("Team");
        assertThat(conversation(events, BOB).name()).contains("Bob");

        List<HistoryMessage> generated = messagesIn(events, GeneratedHistory.chat(1));
        assertThat(generated).hasSize(250);
        assertThat(generated.getFirst().text()).startsWith(GeneratedHistory.textPrefix(1, 0)).hasSize(64);
        assertThat(generated.getLast().text()).startsWith(GeneratedHistory.textPrefix(1, 249));
        assertThat(events).filteredOn(HistorySyncEvent.Messages.class::isInstance)
                .allMatch(e -> ((HistorySyncEvent.Messages) e).messages().size() <= 100);

        List<PushName> names = events.stream().filter(HistorySyncEvent.PushNames.class::isInstance)
                .flatMap(e -> ((HistorySyncEvent.PushNames) e).pushNames().stream()).toList();
        assertThat(names).contains(new PushName(Jid.parse(BOB), "Bobby"), new PushName(Jid.parse(CAROL), "Caro"),
                new PushName(Jid.parse(GeneratedHistory.chat(2)), "Contact 2"));
        // the notifications were taken by the runtime, not reported as messages
        assertThat(ours.peerMessages()).noneMatch(m -> m.message().getProtocolMessage().getType()
                == E2EProto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION);
    }

    @Test
    void aBlobFailingItsMacBecomesAFailureEventAndTheChatGoesOn() {
        AdminClient.Answer seeded = admin.post("/admin/accounts/" + OURS + "/history", Map.of(
                "conversations", List.of(Map.of("jid", BOB, "messages", List.of(
                        Map.of("id", "B1", "fromMe", false, "text", "lost in transit")))),
                "pushNames", Map.of(BOB, "Bobby"),
                "fault", "corrupt-blob"));
        assertThat(seeded.status()).as("%s", seeded.body()).isEqualTo(200);

        List<HistorySyncEvent> events = new CopyOnWriteArrayList<>();
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"),
                client -> client.addHistoryListener(events::add));

        await().atMost(Linked.WITHIN).until(() -> completed(events).stream()
                .anyMatch(c -> c.chunk().syncType() == E2EProto.Message.HistorySyncType.PUSH_NAME));
        HistorySyncEvent.ChunkFailed failed = events.stream().filter(HistorySyncEvent.ChunkFailed.class::isInstance)
                .map(HistorySyncEvent.ChunkFailed.class::cast).findFirst().orElseThrow();
        assertThat(failed.reason()).isEqualTo(HistoryFailure.VERIFICATION);
        assertThat(failed.chunk().syncType()).isEqualTo(E2EProto.Message.HistorySyncType.INITIAL_BOOTSTRAP);
        assertThat(events).filteredOn(HistorySyncEvent.Messages.class::isInstance).isEmpty();

        AdminClient.Answer sent = admin.post("/admin/accounts/" + OURS + "/messages",
                Map.of("to", OURS + "@s.whatsapp.net", "text", "note after a bad chunk"));
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        await().atMost(Linked.WITHIN).until(() -> ours.texts().contains("note after a bad chunk"));
    }

    static List<HistorySyncEvent.ChunkCompleted> completed(List<HistorySyncEvent> events) {
        return events.stream().filter(HistorySyncEvent.ChunkCompleted.class::isInstance)
                .map(HistorySyncEvent.ChunkCompleted.class::cast).toList();
    }

    static List<HistoryMessage> messagesIn(List<HistorySyncEvent> events, String chat) {
        return events.stream().filter(HistorySyncEvent.Messages.class::isInstance).map(HistorySyncEvent.Messages.class::cast)
                .filter(m -> m.chat().equals(Jid.parse(chat))).flatMap(m -> m.messages().stream()).toList();
    }

    static io.tryx.protocol.client.history.HistoryConversation conversation(List<HistorySyncEvent> events, String chat) {
        return events.stream().filter(HistorySyncEvent.ConversationCompleted.class::isInstance)
                .map(e -> ((HistorySyncEvent.ConversationCompleted) e).conversation())
                .filter(c -> c.chat().equals(Jid.parse(chat))).findFirst().orElseThrow();
    }
}
