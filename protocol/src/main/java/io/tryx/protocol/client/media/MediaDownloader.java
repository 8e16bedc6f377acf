package io.tryx.protocol.client.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Downloads media and decrypts it while it streams in ({@link VerifyingMediaStream}): never more than a few
 * 64 KiB buffers in memory, whatever the file's size. A direct path is tried on each {@code media_conn} host in
 * turn ({@code https://<host><directPath>&hash=<fileEncSha256>&mms-type=<type>&__wa-mms=}, as WhatsApp Web asks),
 * a reference with only a url goes to that url. 403, 404 and 410 end the attempt as
 * {@link MediaException.Reason#EXPIRED}; other failures before the first byte move on to the next host. Methods
 * block; do not call them on a connection's event loop. Thread-safe.
 */
public final class MediaDownloader {

    private final MediaHttp http;
    private final MediaConnections connections;

    public MediaDownloader(MediaHttp http, MediaConnections connections) {
        this.http = Objects.requireNonNull(http, "http");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * Opens the plaintext of {@code ref} as a stream. Read it to the end: the last read (the one that returns -1)
     * verifies MAC, hashes and length and throws {@link MediaException} when one fails. Close it when done.
     *
     * @throws MediaException when no host delivered the file (EXPIRED, HTTP_STATUS, SIZE_MISMATCH, MEDIA_CONN, IO)
     */
    public InputStream open(MediaRef ref) throws MediaException {
        Objects.requireNonNull(ref, "ref");
        MediaException last = null;
        for (URI uri : candidates(ref)) {
            try {
                return new VerifyingMediaStream(fetch(uri, ref), ref);
            } catch (MediaException e) {
                if (e.reason() == MediaException.Reason.EXPIRED || e.reason() == MediaException.Reason.SIZE_MISMATCH) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /**
     * Downloads {@code ref}, writing the verified-as-it-goes plaintext to {@code out}; returns the plain length.
     * When it throws, what was written must be discarded.
     *
     * @throws MediaException a failed download or check (MAC_MISMATCH, HASH_MISMATCH, SIZE_MISMATCH, MALFORMED,
     *                        EXPIRED, HTTP_STATUS, MEDIA_CONN, IO)
     * @throws IOException    when writing to {@code out} fails
     */
    public long download(MediaRef ref, OutputStream out) throws IOException {
        try (InputStream in = open(ref)) {
            return in.transferTo(out);
        }
    }

    /**
     * Downloads {@code ref} to {@code target} (replacing it) through a temporary file beside it, moved into place
     * only once every check passed; returns the plain length.
     */
    public long download(MediaRef ref, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".media", ".part");
        try {
            long length;
            try (OutputStream out = Files.newOutputStream(temp)) {
                length = download(ref, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return length;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The urls to try: each media host for a direct path, else the message's url. */
    private List<URI> candidates(MediaRef ref) throws MediaException {
        List<URI> uris = new ArrayList<>();
        if (ref.directPath() != null) {
            try {
                connections.await(http.config().responseTimeout()).hosts().forEach(host -> uris.add(directUri(host, ref)));
            } catch (MediaException e) {
                if (ref.url() == null) {
                    throw e;
                }
            }
        }
        if (ref.url() != null) {
            uris.add(URI.create(ref.url()));
        }
        return uris;
    }

    static URI directUri(String host, MediaRef ref) {
        StringBuilder url = new StringBuilder("https://").append(host).append(ref.directPath())
                .append(ref.directPath().contains("?") ? '&' : '?');
        if (ref.fileEncSha256() != null) {
            url.append("hash=").append(Base64.getUrlEncoder().encodeToString(ref.fileEncSha256())).append('&');
        }
        url.append("mms-type=").append(ref.type().uploadType()).append("&__wa-mms=");
        return URI.create(url.toString());
    }

    private InputStream fetch(URI uri, MediaRef ref) throws MediaException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(http.config().responseTimeout())
                .header("Origin", http.config().origin()).header("Referer", http.config().origin() + "/").build();
        HttpResponse<InputStream> response;
        try {
            response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.IO, 0, "GET " + uri.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaException.Reason.IO, 0, "interrupted while downloading", e);
        }
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            throw MediaException.forStatus(response.statusCode(), "media host " + uri.getHost());
        }
        long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
        if (declared >= 0 && ref.maxEncryptedLength() >= 0 && declared > ref.maxEncryptedLength()) {
            closeQuietly(response.body());
            throw new MediaException(MediaException.Reason.SIZE_MISMATCH, "the host offers " + declared
                    + " bytes, more than a file of " + ref.fileLength() + " bytes encrypts to");
        }
        return response.body();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the answer is already decided
        }
    }
}
