package io.tryx.protocol.client.appstate;

import io.tryx.protocol.client.media.Media;
import io.tryx.protocol.client.media.MediaRef;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * App-state blobs (snapshots, large patches) fetched with the account's media downloader, which checks their MAC
 * and hashes; a blob over {@link #MAX_BLOB} is refused rather than held in memory.
 */
final class MediaAppStateBlobs implements AppStateBlobs {

    /** App-state snapshots are small (contacts and chat settings); anything larger is refused. */
    static final long MAX_BLOB = 64L << 20;

    private final Media media;
    private final Executor workers;

    MediaAppStateBlobs(Media media, Executor workers) {
        this.media = media;
        this.workers = workers;
    }

    @Override
    public CompletableFuture<byte[]> download(ExternalBlobReference reference) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try {
                media.download(MediaRef.of(reference), new Bounded(buffer));
            } catch (IOException e) {
                throw new UncheckedIOException("app-state blob " + reference.getDirectPath() + ": " + e.getMessage(), e);
            }
            return buffer.toByteArray();
        }, workers);
    }

    /** Fails once more than {@link #MAX_BLOB} bytes were written. */
    private static final class Bounded extends OutputStream {
        private final OutputStream out;
        private long written;

        Bounded(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > MAX_BLOB) {
                throw new IOException("app-state blob larger than " + MAX_BLOB + " bytes");
            }
            out.write(b, off, len);
        }
    }
}
