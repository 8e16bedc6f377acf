package io.tryx.protocol.client.history;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.HistoryProto;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an inflated {@code HistorySync} from a stream field by field, never holding more than one conversation's
 * metadata and one batch of messages: each conversation's messages are parsed one at a time and handed on in
 * {@link HistorySyncEvent.Messages} batches of at most {@code batchSize}; its other fields (written after the
 * messages) are copied aside and parsed once the conversation ends; push names go out in batches too. Fields it
 * does not use (status messages, mappings, ...) are skipped without being kept.
 */
final class HistoryStreamReader {

    private static final int CONVERSATIONS = 2;
    private static final int PUSH_NAMES = 7;
    private static final int CONVERSATION_ID = 1;
    private static final int CONVERSATION_MESSAGES = 2;

    private final int batchSize;

    HistoryStreamReader(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
    }

    /**
     * Reads {@code inflated} to its end, reporting to {@code out}; returns the chunk's totals.
     *
     * @throws InvalidProtocolBufferException when the bytes are not a {@code HistorySync}
     * @throws IOException                    when reading fails
     */
    HistorySyncEvent.ChunkCompleted read(InputStream inflated, HistoryChunk chunk, Consumer<HistorySyncEvent> out)
            throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(inflated);
        in.setSizeLimit(Integer.MAX_VALUE);
        Totals totals = new Totals();
        List<PushName> names = new ArrayList<>();
        int nameBatch = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == CONVERSATIONS) {
                expectLengthDelimited(tag);
                conversation(in, chunk, out, totals);
            } else if (field == PUSH_NAMES) {
                expectLengthDelimited(tag);
                HistoryProto.Pushname name = in.readMessage(HistoryProto.Pushname.parser(), ExtensionRegistryLite.getEmptyRegistry());
                Optional<Jid> user = HistoryMessages.jid(name.getId());
                if (user.isPresent() && !name.getPushname().isEmpty()) {
                    names.add(new PushName(user.get(), name.getPushname()));
                    totals.pushNames++;
                }
                if (names.size() == batchSize) {
                    out.accept(new HistorySyncEvent.PushNames(chunk, nameBatch++, names));
                    names.clear();
                }
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        if (!names.isEmpty()) {
            out.accept(new HistorySyncEvent.PushNames(chunk, nameBatch, names));
        }
        return new HistorySyncEvent.ChunkCompleted(chunk, totals.conversations, totals.messages, totals.pushNames,
                totals.skipped);
    }

    private void conversation(CodedInputStream in, HistoryChunk chunk, Consumer<HistorySyncEvent> out, Totals totals)
            throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        ByteString.Output metadata = ByteString.newOutput();
        CodedOutputStream metadataOut = CodedOutputStream.newInstance(metadata);
        Jid chat = null;
        List<HistoryMessage> batch = new ArrayList<>();
        int batchNumber = 0;
        long count = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == CONVERSATION_ID && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                String id = in.readString();
                metadataOut.writeString(CONVERSATION_ID, id);
                chat = HistoryMessages.jid(id).orElse(null);
            } else if (field == CONVERSATION_MESSAGES) {
                expectLengthDelimited(tag);
                HistoryProto.HistorySyncMsg stored = in.readMessage(HistoryProto.HistorySyncMsg.parser(),
                        ExtensionRegistryLite.getEmptyRegistry());
                Optional<HistoryMessage> message = chat == null ? Optional.empty()
                        : HistoryMessages.decode(stored.getMessage(), chat, chunk.account());
                if (message.isEmpty()) {
                    totals.skipped++;
                    continue;
                }
                batch.add(message.get());
                count++;
                if (batch.size() == batchSize) {
                    out.accept(new HistorySyncEvent.Messages(chunk, chat, batchNumber++, batch));
                    batch.clear();
                }
            } else {
                in.skipField(tag, metadataOut);
            }
        }
        in.popLimit(limit);
        metadataOut.flush();
        if (chat == null) {
            return; // no or an invalid id: its messages were counted as skipped
        }
        if (!batch.isEmpty()) {
            out.accept(new HistorySyncEvent.Messages(chunk, chat, batchNumber, batch));
        }
        HistoryProto.Conversation meta = HistoryProto.Conversation.parseFrom(metadata.toByteString());
        out.accept(new HistorySyncEvent.ConversationCompleted(chunk, new HistoryConversation(chat,
                meta.hasName() && !meta.getName().isEmpty() ? Optional.of(meta.getName()) : Optional.empty(),
                meta.getUnreadCount(), meta.getArchived(), meta.getPinned() > 0,
                meta.getMuteEndTime() > 0 ? Optional.of(Instant.ofEpochSecond(meta.getMuteEndTime())) : Optional.empty(),
                meta.getEphemeralExpiration(),
                meta.getConversationTimestamp() > 0 ? Optional.of(Instant.ofEpochSecond(meta.getConversationTimestamp()))
                        : Optional.empty(),
                count)));
        totals.conversations++;
        totals.messages += count;
    }

    private static void expectLengthDelimited(int tag) throws InvalidProtocolBufferException {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            throw new InvalidProtocolBufferException("field " + WireFormat.getTagFieldNumber(tag)
                    + " of a history sync has wire type " + WireFormat.getTagWireType(tag) + ", not a message");
        }
    }

    /** Running counts of one chunk. */
    private static final class Totals {
        int conversations;
        long messages;
        int pushNames;
        long skipped;
    }
}
