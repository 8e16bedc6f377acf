package io.tryx.simulator.history;

import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;
import io.tryx.simulator.media.MediaBlobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistorySyncBlobsTest {

    private static final String BOB = "15550007772@s.whatsapp.net";
    private static final String GROUP = "120363000000000001@g.us";
    private final MediaBlobs blobs = new MediaBlobs();

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void theBootstrapChunkHoldsEveryConversationNewestFirstAndPushNamesFollow() throws Exception {
        ChatHistory history = new ChatHistory();
        history.add(new ChatHistory.Message(BOB, "M1", false, null, "hello", 100));
        history.add(new ChatHistory.Message(BOB, "M2", true, null, "hi Bob", 200));
        history.add(new ChatHistory.Message(GROUP, "G1", false, BOB, "in the group", 300));
        history.name(GROUP, "Team");
        history.pushName(BOB, "Bob");

        List<HistorySync> chunks = HistorySyncBlobs.chunks(history);
        assertThat(chunks).extracting(HistorySync::getSyncType)
                .containsExactly(HistorySync.HistorySyncType.INITIAL_BOOTSTRAP, HistorySync.HistorySyncType.PUSH_NAME);
        HistorySync bootstrap = chunks.getFirst();
        assertThat(bootstrap.getConversationsList()).extracting(c -> c.getId()).containsExactly(GROUP, BOB);
        assertThat(bootstrap.getConversations(0).getName()).isEqualTo("Team");
        WebMessageInfo inGroup = bootstrap.getConversations(0).getMessages(0).getMessage();
        assertThat(inGroup.getKey().getParticipant()).isEqualTo(BOB);
        assertThat(inGroup.getPushName()).isEqualTo("Bob");
        assertThat(bootstrap.getConversations(1).getMessagesList()).extracting(m -> m.getMessage().getKey().getId())
                .containsExactly("M2", "M1");
        WebMessageInfo sent = bootstrap.getConversations(1).getMessages(0).getMessage();
        assertThat(sent.getKey().getFromMe()).isTrue();
        assertThat(sent.getKey().getRemoteJid()).isEqualTo(BOB);
        assertThat(sent.getMessage().getConversation()).isEqualTo("hi Bob");
        assertThat(sent.getMessageTimestamp()).isEqualTo(200);
        assertThat(chunks.get(1).getPushnamesList()).singleElement()
                .satisfies(p -> assertThat(p.getId() + "=" + p.getPushname()).isEqualTo(BOB + "=Bob"));

        E2EProto.Message announced = new HistorySyncBlobs(blobs).upload(bootstrap);
        E2EProto.Message.ProtocolMessage protocol = announced.getProtocolMessage();
        assertThat(protocol.getType()).isEqualTo(E2EProto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION);
        var notification = protocol.getHistorySyncNotification();
        assertThat(notification.getSyncType()).isEqualTo(E2EProto.Message.HistorySyncType.INITIAL_BOOTSTRAP);
        assertThat(notification.getDirectPath()).startsWith("/v/t62.");
        assertThat(HistoryBlobReader.read(blobs, notification)).isEqualTo(bootstrap);
    }

    @Test
    void anEmptyHistoryStillSendsTheBootstrapChunkAndNoPushNames() {
        assertThat(HistorySyncBlobs.chunks(new ChatHistory())).singleElement()
                .satisfies(c -> assertThat(c.getConversationsCount()).isZero());
    }
}
