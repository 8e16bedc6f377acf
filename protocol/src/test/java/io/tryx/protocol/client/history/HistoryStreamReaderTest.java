package io.tryx.protocol.client.history;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.CommonProto.MessageKey;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.HistoryProto;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryStreamReaderTest {

    static final Jid OWN = Jid.parse("15550001111@s.whatsapp.net");
    static final HistoryChunk CHUNK = new HistoryChunk("NOTIF1", OWN,
            E2EProto.Message.HistorySyncType.INITIAL_BOOTSTRAP, 0, OptionalInt.of(100), Instant.ofEpochSecond(1));

    @Test
    void conversationsArriveInBoundedBatchesFollowedByTheirMetadataAndPushNames() throws IOException {
        HistoryProto.Conversation.Builder direct = HistoryProto.Conversation.newBuilder().setId("15550002222@s.whatsapp.net")
                .setName("Bob").setUnreadCount(3).setArchived(true).setPinned(1).setConversationTimestamp(500);
        for (int i = 0; i < 25; i++) {
            direct.addMessages(msg(key("15550002222@s.whatsapp.net", "D" + i, i % 2 == 0, null), "text " + i, 500 - i, "Bob"));
        }
        direct.addMessages(msg(key("15550002222@s.whatsapp.net", "", false, null), "no id", 1, null));
        HistoryProto.Conversation.Builder group = HistoryProto.Conversation.newBuilder().setId("120363000000000001@g.us")
                .setName("Team").addMessages(msg(key("120363000000000001@g.us", "G1", false, "15550003333@s.whatsapp.net"),
                        "hi team", 400, "Carol"));
        HistoryProto.HistorySync sync = HistoryProto.HistorySync.newBuilder()
                .setSyncType(HistoryProto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP)
                .addStatusV3Messages(msg(key("status@broadcast", "S1", false, null), "status", 1, null).getMessage())
                .addConversations(direct).addConversations(group).setChunkOrder(0).setProgress(100)
                .addPushnames(HistoryProto.Pushname.newBuilder().setId("15550002222@s.whatsapp.net").setPushname("Bob"))
                .addPushnames(HistoryProto.Pushname.newBuilder().setId("15550003333@s.whatsapp.net").setPushname("Carol"))
                .addPushnames(HistoryProto.Pushname.newBuilder().setId("15550004444@s.whatsapp.net").setPushname("Dan"))
                .build();

        List<HistorySyncEvent> events = new ArrayList<>();
        HistorySyncEvent.ChunkCompleted done = new HistoryStreamReader(10)
                .read(new ByteArrayInputStream(sync.toByteArray()), CHUNK, events::add);

        assertThat(done.conversations()).isEqualTo(2);
        assertThat(done.messages()).isEqualTo(26);
        assertThat(done.pushNames()).isEqualTo(3);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Messages", "Messages",
                "Messages", "ConversationCompleted", "Messages", "ConversationCompleted", "PushNames");
        var batches = events.stream().filter(HistorySyncEvent.Messages.class::isInstance)
                .map(HistorySyncEvent.Messages.class::cast).toList();
        assertThat(batches).extracting(b -> b.messages().size()).containsExactly(10, 10, 5, 1);
        assertThat(batches).extracting(HistorySyncEvent.Messages::batch).containsExactly(0, 1, 2, 0);
        HistoryMessage first = batches.getFirst().messages().getFirst();
        assertThat(first.text()).isEqualTo("text 0");
        assertThat(first.info().fromMe()).isTrue();
        assertThat(first.info().sender()).isEqualTo(OWN);
        assertThat(first.info().timestamp()).isEqualTo(Instant.ofEpochSecond(500));
        HistoryMessage second = batches.getFirst().messages().get(1);
        assertThat(second.info().sender()).isEqualTo(Jid.parse("15550002222@s.whatsapp.net"));
        assertThat(second.info().pushName()).isEqualTo("Bob");
        HistoryMessage inGroup = batches.get(3).messages().getFirst();
        assertThat(inGroup.info().group()).isTrue();
        assertThat(inGroup.info().sender()).isEqualTo(Jid.parse("15550003333@s.whatsapp.net"));
        assertThat(inGroup.info().chat()).isEqualTo(Jid.parse("120363000000000001@g.us"));

        HistoryConversation bob = ((HistorySyncEvent.ConversationCompleted) events.get(3)).conversation();
        assertThat(bob.name()).contains("Bob");
        assertThat(bob.unreadCount()).isEqualTo(3);
        assertThat(bob.archived()).isTrue();
        assertThat(bob.pinned()).isTrue();
        assertThat(bob.messages()).isEqualTo(25);
        assertThat(bob.lastActivity()).contains(Instant.ofEpochSecond(500));
        var names = (HistorySyncEvent.PushNames) events.getLast();
        assertThat(names.pushNames()).extracting(PushName::pushName).containsExactly("Bob", "Carol", "Dan");
        assertThat(events).extracting(HistorySyncEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void bytesThatAreNotAHistorySyncFailAsInvalidProtobuf() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xFF);
        assertThatThrownBy(() -> new HistoryStreamReader(10).read(new ByteArrayInputStream(garbage), CHUNK, e -> { }))
                .isInstanceOf(InvalidProtocolBufferException.class);
        // a conversation field with the wrong wire type
        assertThatThrownBy(() -> new HistoryStreamReader(10).read(new ByteArrayInputStream(new byte[] {0x10, 0x01}), CHUNK,
                e -> { })).isInstanceOf(InvalidProtocolBufferException.class);
    }

    private static MessageKey key(String chat, String id, boolean fromMe, String participant) {
        MessageKey.Builder key = MessageKey.newBuilder().setRemoteJid(chat).setId(id).setFromMe(fromMe);
        if (participant != null) {
            key.setParticipant(participant);
        }
        return key.build();
    }

    private static HistoryProto.HistorySyncMsg msg(MessageKey key, String text, long timestamp, String pushName) {
        WebMessageInfo.Builder info = WebMessageInfo.newBuilder().setKey(key).setMessageTimestamp(timestamp)
                .setMessage(E2EProto.Message.newBuilder().setConversation(text));
        if (pushName != null && !key.getFromMe()) {
            info.setPushName(pushName);
        }
        return HistoryProto.HistorySyncMsg.newBuilder().setMessage(info).build();
    }
}
