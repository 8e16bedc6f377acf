package io.tryx.simulator.history;

import com.google.protobuf.ByteString;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.CommonProto.MessageKey;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.HistoryProto;
import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.protocol.proto.WebProto.WebMessageInfo;
import io.tryx.simulator.media.MediaBlobs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Prepares the history a phone hands a newly linked companion, as the real phone does: each chunk is a
 * {@code HistorySync} protobuf, zlib-deflated, encrypted as {@link MediaType#HISTORY} media and uploaded to the
 * media host; the companion learns of it from a {@code HISTORY_SYNC_NOTIFICATION} protocol message carrying the
 * media key, hashes, length and direct path. Chunks: {@code INITIAL_BOOTSTRAP} (every conversation with its
 * messages, newest first; split into several chunks of whole conversations when {@link ChatHistory#chunkMessages()}
 * is set, each with its {@code chunkOrder} and the share of messages sent so far as {@code progress}) and, when any
 * are known, {@code PUSH_NAME}.
 */
public final class HistorySyncBlobs {

    private final MediaBlobs blobs;

    public HistorySyncBlobs(MediaBlobs blobs) {
        this.blobs = blobs;
    }

    /** The chunks of {@code history}, in the order the phone sends them. */
    public static List<HistorySync> chunks(ChatHistory history) {
        List<HistorySync> chunks = new ArrayList<>();
        List<ChatHistory.Conversation> conversations = history.conversations();
        Map<String, String> pushNames = history.pushNames();
        long total = conversations.stream().mapToLong(c -> c.messages().size()).sum();
        int perChunk = history.chunkMessages() == 0 ? Integer.MAX_VALUE : history.chunkMessages();
        HistorySync.Builder bootstrap = null;
        long inChunk = 0;
        long sent = 0;
        for (ChatHistory.Conversation conversation : conversations) {
            if (bootstrap != null && inChunk > 0 && inChunk + conversation.messages().size() > perChunk) {
                chunks.add(bootstrap.setProgress(progress(sent, total)).build());
                bootstrap = null;
            }
            if (bootstrap == null) {
                bootstrap = HistorySync.newBuilder().setSyncType(HistorySync.HistorySyncType.INITIAL_BOOTSTRAP)
                        .setChunkOrder(chunks.size());
                inChunk = 0;
            }
            bootstrap.addConversations(conversation(conversation, pushNames));
            inChunk += conversation.messages().size();
            sent += conversation.messages().size();
        }
        chunks.add((bootstrap != null ? bootstrap : HistorySync.newBuilder()
                .setSyncType(HistorySync.HistorySyncType.INITIAL_BOOTSTRAP).setChunkOrder(0)).setProgress(100).build());
        if (!pushNames.isEmpty()) {
            HistorySync.Builder names = HistorySync.newBuilder()
                    .setSyncType(HistorySync.HistorySyncType.PUSH_NAME).setChunkOrder(chunks.size()).setProgress(100);
            pushNames.forEach((jid, name) -> names.addPushnames(HistoryProto.Pushname.newBuilder().setId(jid).setPushname(name)));
            chunks.add(names.build());
        }
        return chunks;
    }

    private static int progress(long sent, long total) {
        return total == 0 ? 100 : (int) (sent * 100 / total);
    }

    /** Deflates, encrypts and stores one chunk; returns the protocol message announcing it. */
    public E2EProto.Message upload(HistorySync chunk) {
        return upload(chunk, false);
    }

    /**
     * As {@link #upload(HistorySync)}; with {@code corrupt} the stored file gets its first byte flipped after the
     * hashes were taken, so the companion's MAC check fails (fault injection).
     */
    public E2EProto.Message upload(HistorySync chunk, boolean corrupt) {
        MediaBlobs.Encrypted stored = blobs.storeEncrypted(deflate(chunk.toByteArray()), MediaType.HISTORY);
        if (corrupt) {
            flipFirstByte(stored.blob().file());
        }
        var notification = E2EProto.Message.HistorySyncNotification.newBuilder()
                .setFileSha256(ByteString.copyFrom(stored.media().fileSha256()))
                .setFileLength(stored.media().fileLength())
                .setMediaKey(ByteString.copyFrom(stored.media().mediaKey()))
                .setFileEncSha256(ByteString.copyFrom(stored.media().fileEncSha256()))
                .setDirectPath(stored.blob().directPath())
                .setSyncType(E2EProto.Message.HistorySyncType.forNumber(chunk.getSyncType().getNumber()))
                .setChunkOrder(chunk.getChunkOrder())
                .setProgress(chunk.getProgress());
        return E2EProto.Message.newBuilder().setProtocolMessage(E2EProto.Message.ProtocolMessage.newBuilder()
                .setType(E2EProto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION)
                .setHistorySyncNotification(notification)).build();
    }

    private static HistoryProto.Conversation conversation(ChatHistory.Conversation chat, Map<String, String> pushNames) {
        HistoryProto.Conversation.Builder out = HistoryProto.Conversation.newBuilder().setId(chat.jid())
                .setConversationTimestamp(chat.lastTimestamp()).setLastMsgTimestamp(chat.lastTimestamp());
        if (chat.name() != null) {
            out.setName(chat.name());
        }
        long order = chat.messages().size();
        for (ChatHistory.Message message : chat.messages()) {
            MessageKey.Builder key = MessageKey.newBuilder().setRemoteJid(chat.jid()).setFromMe(message.fromMe())
                    .setId(message.id());
            WebMessageInfo.Builder info = WebMessageInfo.newBuilder()
                    .setMessage(E2EProto.Message.newBuilder().setConversation(message.text()))
                    .setMessageTimestamp(message.timestamp())
                    .setStatus(message.fromMe() ? WebMessageInfo.Status.DELIVERY_ACK : WebMessageInfo.Status.READ);
            if (message.participant() != null && !message.fromMe()) {
                key.setParticipant(message.participant());
                info.setParticipant(message.participant());
            }
            String author = message.participant() != null ? message.participant() : chat.jid();
            if (!message.fromMe() && pushNames.containsKey(author)) {
                info.setPushName(pushNames.get(author));
            }
            out.addMessages(HistoryProto.HistorySyncMsg.newBuilder().setMessage(info.setKey(key)).setMsgOrderId(order--));
        }
        return out.build();
    }

    private static void flipFirstByte(java.nio.file.Path file) {
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            int first = raf.read();
            raf.seek(0);
            raf.write(first ^ 0xFF);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
