package io.tryx.protocol.client.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.media.EncryptedMedia;
import io.tryx.protocol.media.MediaEncryptor;
import io.tryx.protocol.media.MediaType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Uploads media as WhatsApp Web does: encrypts the source in 64 KiB steps into a temporary file (the upload's token
 * is the base64url SHA-256 of the encrypted file, so it must be complete before the request starts), then streams
 * that file in {@code POST https://<host>/mms/<type>/<token>?auth=<media_conn auth>&token=<token>} and reads the
 * host's {@code {"url","direct_path","handle"}}. A refused auth (401, 403) drops the cached {@code media_conn} and
 * tries once more with a fresh one; other failures move on to the next host. Memory stays constant whatever the
 * size. Methods block; do not call them on a connection's event loop. Thread-safe.
 */
public final class MediaUploader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The slowest upload rate a request's timeout allows for, on top of the response timeout. */
    private static final long MIN_BYTES_PER_SECOND = 100_000;

    private final MediaHttp http;
    private final MediaConnections connections;

    public MediaUploader(MediaHttp http, MediaConnections connections) {
        this.http = Objects.requireNonNull(http, "http");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * Encrypts and uploads {@code source} as {@code type} under a fresh media key.
     *
     * @throws MediaException the host refused or answered nonsense (HTTP_STATUS, EXPIRED, BAD_RESPONSE), no
     *                        {@code media_conn} (MEDIA_CONN), or the network failed (IO)
     * @throws IOException    reading the source or writing the temporary file failed
     */
    public MediaUpload upload(MediaSource source, MediaType type) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Path directory = http.config().tempDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        Path encrypted = Files.createTempFile(directory, "tryx-upload", ".enc");
        try {
            EncryptedMedia media;
            try (InputStream in = source.open();
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(encrypted), 64 * 1024)) {
                media = MediaEncryptor.encrypt(in, out, MediaEncryptor.start(type));
            }
            return post(encrypted, media, type);
        } finally {
            Files.deleteIfExists(encrypted);
        }
    }

    private MediaUpload post(Path file, EncryptedMedia media, MediaType type) throws MediaException {
        String token = Base64.getUrlEncoder().encodeToString(media.fileEncSha256());
        MediaException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            MediaConn conn = connections.await(http.config().responseTimeout());
            boolean authRefused = false;
            for (String host : conn.hosts()) {
                try {
                    return send(file, media, type, host, conn.auth(), token);
                } catch (MediaException e) {
                    last = e;
                    if (e.status() == 401 || e.status() == 403) {
                        authRefused = true;
                        break;
                    }
                }
            }
            if (!authRefused) {
                break;
            }
            connections.invalidate(conn);
        }
        throw last;
    }

    private MediaUpload send(Path file, EncryptedMedia media, MediaType type, String host, String auth, String token)
            throws MediaException {
        URI uri = URI.create("https://" + host + "/mms/" + type.uploadType() + "/" + token + "?auth="
                + URLEncoder.encode(auth, StandardCharsets.UTF_8) + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        Duration timeout = http.config().responseTimeout().plusSeconds(media.encryptedLength() / MIN_BYTES_PER_SECOND);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(timeout)
                    .header("Origin", http.config().origin()).header("Referer", http.config().origin() + "/").build();
        } catch (java.io.FileNotFoundException e) {
            throw new MediaException(MediaException.Reason.IO, 0, "the encrypted file vanished: " + file, e);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.IO, 0, "POST " + host + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaException.Reason.IO, 0, "interrupted while uploading", e);
        }
        if (response.statusCode() != 200) {
            throw MediaException.forStatus(response.statusCode(), "upload to " + host);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.BAD_RESPONSE, 200, "the upload answer is not JSON", e);
        }
        String url = body.path("url").asText("");
        String directPath = body.path("direct_path").asText("");
        if (url.isEmpty() || !directPath.startsWith("/")) {
            throw new MediaException(MediaException.Reason.BAD_RESPONSE, 200, "the upload answer lacks url or direct_path: "
                    + new String(response.body(), StandardCharsets.UTF_8), null);
        }
        return new MediaUpload(type, url, directPath, body.path("handle").asText(""), media.mediaKey(), media.fileSha256(),
                media.fileEncSha256(), media.fileLength(), media.streamingSidecar());
    }
}
