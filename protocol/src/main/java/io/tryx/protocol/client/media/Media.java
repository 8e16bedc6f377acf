package io.tryx.protocol.client.media;

import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.StanzaChannel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The account's media: {@code media_conn} ({@link MediaConnections}) and streamed, verified downloads
 * ({@link MediaDownloader}) over a {@link MediaHttp} that is either shared (given) or made from
 * {@link MediaConfig#defaults()} on first use and closed with this object. Blocking methods must not run on a
 * connection's event loop. Thread-safe.
 */
public final class Media implements AutoCloseable {

    private final MediaConnections connections;
    private final Messaging messaging;
    private final InstantSource clock;
    private final MediaHttp shared;
    private MediaHttp own;
    private MediaDownloader downloader;

    /** Media over {@code http} (shared, not closed here), or over its own default client when {@code http} is null. */
    public Media(MediaHttp http, StanzaChannel channel, Messaging messaging, InstantSource clock) {
        this.shared = http;
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connections = new MediaConnections(channel, clock);
    }

    /** The account's {@code media_conn} cache. */
    public MediaConnections connections() {
        return connections;
    }

    /** See {@link MediaDownloader#open}: the plaintext as a stream, verified by its last read. */
    public InputStream open(MediaRef ref) throws MediaException {
        return downloader().open(ref);
    }

    /** See {@link MediaDownloader#download(MediaRef, OutputStream)}. */
    public long download(MediaRef ref, OutputStream out) throws IOException {
        return downloader().download(ref, out);
    }

    /** See {@link MediaDownloader#download(MediaRef, Path)}. */
    public long download(MediaRef ref, Path target) throws IOException {
        return downloader().download(ref, target);
    }

    private synchronized MediaDownloader downloader() {
        if (downloader == null) {
            downloader = new MediaDownloader(http(), connections);
        }
        return downloader;
    }

    synchronized MediaHttp http() {
        if (shared != null) {
            return shared;
        }
        if (own == null) {
            own = MediaHttp.create(MediaConfig.defaults());
        }
        return own;
    }

    @Override
    public synchronized void close() {
        if (own != null) {
            own.close();
            own = null;
        }
    }
}
