package io.tryx.bridge.events;

import io.tryx.events.v1.HistoryConversation;
import io.tryx.events.v1.HistorySyncEvent;
import io.tryx.events.v1.HistorySyncType;
import io.tryx.protocol.client.history.HistoryChunk;
import io.tryx.protocol.client.history.HistoryMessage;
import io.tryx.protocol.client.history.PushName;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRecordAssemblerTest {

    static final String ACCOUNT = "15550001111@s.whatsapp.net";
    static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, null, "15550001111:1@s.whatsapp.net", "test");
    static final Jid ALICE = Jid.parse("15550002222@s.whatsapp.net");
    static final Jid BOB = Jid.parse("15550003333@s.whatsapp.net");
    static final HistoryChunk CHUNK = new HistoryChunk("N1", Jid.parse(ACCOUNT),
            E2EProto.Message.HistorySyncType.INITIAL_BOOTSTRAP, 0, OptionalInt.of(100), Instant.ofEpochSecond(1_700_000_000));

    @Test
    void aChunkBiggerThanTheBudgetIsSplitIntoNumberedPartsWithMetadataOnEachConversationsLastSlice() {
        List<HistorySyncEvent> records = assemble();

        int parts = records.size();
        assertThat(parts).isGreaterThan(2);
        assertThat(records).extracting(HistorySyncEvent::getPart).containsExactlyElementsOf(
                IntStream.range(0, parts).boxed().toList());
        assertThat(records.subList(0, parts - 1)).allSatisfy(r -> assertThat(r.getParts()).isZero());
        assertThat(records.getLast().getParts()).isEqualTo(parts);
        assertThat(records).extracting(HistorySyncEvent::getEventId).containsExactlyElementsOf(IntStream.range(0, parts)
                .mapToObj(i -> EventIds.derive(ACCOUNT, ACCOUNT, "N1/" + i, EventKind.HISTORY_SYNC)).toList());
        assertThat(records).allSatisfy(r -> {
            assertThat(r.getSyncType()).isEqualTo(HistorySyncType.INITIAL_BOOTSTRAP);
            assertThat(r.getProgress()).contains(100);
            assertThat(r.getChat()).isEqualTo(ACCOUNT);
        });

        List<HistoryConversation> slices = records.stream().flatMap(r -> r.getConversations().stream()).toList();
        List<HistoryConversation> alice = slices.stream().filter(c -> c.getChat().equals(ALICE.toString())).toList();
        assertThat(alice.size()).isGreaterThan(1);
        assertThat(alice.stream().mapToInt(c -> c.getMessages().size()).sum()).isEqualTo(30);
        assertThat(alice.subList(0, alice.size() - 1)).allSatisfy(c -> assertThat(c.getName()).isEmpty());
        assertThat(alice.getLast().getName()).contains("Alice");
        assertThat(alice.getLast().getArchived()).isTrue();
        assertThat(alice.stream().flatMap(c -> c.getMessages().stream()).map(m -> m.getKey().getId()).toList())
                .containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(i -> "A" + i).toList());
        assertThat(alice.getFirst().getMessages().getFirst().getEventId())
                .isEqualTo(EventIds.derive(ACCOUNT, ALICE.toString(), "A0", EventKind.MESSAGE));
        HistoryConversation bob = slices.stream().filter(c -> c.getChat().equals(BOB.toString())).findFirst().orElseThrow();
        assertThat(bob.getMessages()).hasSize(1);
        assertThat(bob.getName()).isEmpty();
        assertThat(records.getLast().getPushNames()).extracting(p -> p.getPushName()).containsExactly("Al", "Bo");
    }

    @Test
    void aFailedChunkEndsWithALastRecordCarryingTheFailure() {
        List<HistorySyncEvent> records = new ArrayList<>();
        HistoryRecordAssembler assembler = new HistoryRecordAssembler(ORIGIN, CHUNK, 2_000, records::add);
        assembler.failed(io.tryx.protocol.client.history.HistoryFailure.EXPIRED, "GET 404");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getPart()).isZero();
            assertThat(r.getParts()).isEqualTo(1);
            assertThat(r.getFailure()).contains(io.tryx.events.v1.HistorySyncFailure.EXPIRED);
            assertThat(r.getFailureDetail()).contains("GET 404");
            assertThat(r.getConversations()).isEmpty();
            assertThat(r.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, ACCOUNT, "N1/0", EventKind.HISTORY_SYNC));
        });
        assertThat(assemble()).allSatisfy(r -> assertThat(r.getFailure()).isEmpty());
    }

    @Test
    void processingTheSameChunkAgainYieldsTheSameRecords() {
        assertThat(assemble()).isEqualTo(assemble());
    }

    private static List<HistorySyncEvent> assemble() {
        List<HistorySyncEvent> records = new ArrayList<>();
        HistoryRecordAssembler assembler = new HistoryRecordAssembler(ORIGIN, CHUNK, 2_000, records::add);
        List<HistoryMessage> first = new ArrayList<>();
        List<HistoryMessage> second = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            (i < 20 ? first : second).add(message(ALICE, "A" + i, "x".repeat(100) + i));
        }
        assembler.messages(ALICE.toString(), first);
        assembler.messages(ALICE.toString(), second);
        assembler.conversation(new io.tryx.protocol.client.history.HistoryConversation(ALICE, Optional.of("Alice"), 2,
                true, false, Optional.empty(), 0, Optional.of(Instant.ofEpochSecond(1_700_000_000)), 30));
        assembler.messages(BOB.toString(), List.of(message(BOB, "B0", "hi")));
        assembler.conversation(new io.tryx.protocol.client.history.HistoryConversation(BOB, Optional.empty(), 0,
                false, false, Optional.empty(), 0, Optional.empty(), 1));
        assembler.pushNames(List.of(new PushName(ALICE, "Al"), new PushName(BOB, "Bo")));
        assembler.completed();
        assertThat(assembler.partsSent()).isEqualTo(records.size());
        return records;
    }

    private static HistoryMessage message(Jid chat, String id, String text) {
        MessageInfo info = new MessageInfo(id, chat, chat, null, false, false, Instant.ofEpochSecond(1_699_999_000),
                "", HistoryMessage.CATEGORY, "", false);
        return new HistoryMessage(info, E2EProto.Message.newBuilder().setConversation(text).build(),
                WebMessageInfo.Status.READ, WebMessageInfo.StubType.UNKNOWN);
    }
}
