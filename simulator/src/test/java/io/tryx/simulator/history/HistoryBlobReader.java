package io.tryx.simulator.history;

import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.simulator.media.MediaBlobs;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.InflaterInputStream;

/** Opens a history sync blob as a companion does: download by direct path, decrypt (hashes checked), inflate, parse. */
public final class HistoryBlobReader {

    private HistoryBlobReader() {
    }

    public static HistorySync read(MediaBlobs blobs, E2EProto.Message.HistorySyncNotification notification) throws Exception {
        MediaBlobs.Blob blob = blobs.find(notification.getDirectPath()).orElseThrow();
        MediaDecryptor decryptor = MediaDecryptor.start(notification.getMediaKey().toByteArray(), MediaType.HISTORY,
                notification.getFileSha256().toByteArray(), notification.getFileEncSha256().toByteArray());
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(blob.file())) {
            MediaDecryptor.decrypt(in, deflated, decryptor);
        }
        if (deflated.size() != notification.getFileLength()) {
            throw new AssertionError("fileLength " + notification.getFileLength() + " but " + deflated.size() + " bytes");
        }
        try (InputStream inflated = new InflaterInputStream(new java.io.ByteArrayInputStream(deflated.toByteArray()))) {
            return HistorySync.parseFrom(inflated.readAllBytes());
        }
    }
}
