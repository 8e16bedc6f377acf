package io.tryx.protocol.client.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.media.MediaDecryptor;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.ServerSyncProto.ExternalBlobReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * TEMPORARY, until the media-download component of {@code io.tryx.protocol.client.media} lands (the lead switches
 * {@link AppStateBlobs} over to it): the smallest download app state needs. Asks the server for the media host
 * ({@code iq xmlns="w:m" <media_conn/>}), GETs {@code https://<host><direct path>} and decrypts the body as
 * {@code md-app-state} media, checking MAC and both SHA-256 hashes. Blobs over 64 MiB are refused. One HTTP client
 * is shared per set of trusted certificates (empty: the JDK's trust store).
 */
final class MediaHostBlobs implements AppStateBlobs {

    static final long MAX_BYTES = 64L << 20;
    private static final Map<List<X509Certificate>, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final StanzaChannel channel;
    private final List<X509Certificate> trust;
    private final Executor workers;

    MediaHostBlobs(StanzaChannel channel, List<X509Certificate> trust, Executor workers) {
        this.channel = channel;
        this.trust = List.copyOf(trust);
        this.workers = workers;
    }

    @Override
    public CompletableFuture<byte[]> download(ExternalBlobReference reference) {
        if (reference.getDirectPath().isEmpty() || reference.getMediaKey().isEmpty()) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.MISSING_FIELD,
                    "app-state blob reference without direct path or media key"));
        }
        if (reference.getFileSizeBytes() > MAX_BYTES) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.LIMIT_EXCEEDED,
                    "app-state blob of " + reference.getFileSizeBytes() + " bytes"));
        }
        Node mediaConn = Node.builder("iq").attr("id", channel.nextIqId()).attr("xmlns", "w:m").attr("type", "set")
                .attr("to", AppStateNodes.SERVER).children(Node.of("media_conn")).build();
        return channel.query(mediaConn).thenCompose(answer -> {
            String host = answer.child("media_conn").flatMap(m -> m.child("host"))
                    .flatMap(h -> h.attrs().optionalString("hostname"))
                    .orElseThrow(() -> new ProtocolException(Reason.MISSING_FIELD, "media_conn without host"));
            HttpRequest get = HttpRequest.newBuilder(URI.create("https://" + host + reference.getDirectPath()))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            return client().sendAsync(get, HttpResponse.BodyHandlers.ofInputStream());
        }).thenApplyAsync(response -> decrypt(response, reference), workers);
    }

    private static byte[] decrypt(HttpResponse<InputStream> response, ExternalBlobReference reference) {
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AppStateException(AppStateException.Reason.DOWNLOAD_FAILED, response.statusCode(), "media host answered " + response.statusCode()
                        + " for " + reference.getDirectPath());
            }
            MediaDecryptor decryptor = MediaDecryptor.start(reference.getMediaKey().toByteArray(), MediaType.APP_STATE,
                    reference.getFileSha256().isEmpty() ? null : reference.getFileSha256().toByteArray(),
                    reference.getFileEncSha256().isEmpty() ? null : reference.getFileEncSha256().toByteArray());
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > MAX_BYTES + 64) {
                    throw new ProtocolException(Reason.LIMIT_EXCEEDED, "app-state blob over " + MAX_BYTES + " bytes");
                }
                plain.write(decryptor.update(buffer, 0, n));
            }
            plain.write(decryptor.finish());
            return plain.toByteArray();
        } catch (IOException e) {
            throw new AppStateException(AppStateException.Reason.DOWNLOAD_FAILED, "downloading " + reference.getDirectPath() + " failed: " + e);
        }
    }

    private HttpClient client() {
        return CLIENTS.computeIfAbsent(trust, MediaHostBlobs::newClient);
    }

    private static HttpClient newClient(List<X509Certificate> anchors) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!anchors.isEmpty()) {
            builder.sslContext(sslContext(anchors));
        }
        return builder.build();
    }

    private static SSLContext sslContext(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the media host's trust", e);
        }
    }
}
