package io.tryx.protocol.client.media;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTPS client of the media hosts: one JDK {@link HttpClient} (its own selector thread, work on virtual
 * threads) and the {@link MediaConfig} it was made from. Thread-safe; one instance can serve every account of a
 * process. Close it when no client uses it any more.
 */
public final class MediaHttp implements AutoCloseable {

    private final MediaConfig config;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    private MediaHttp(MediaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).executor(executor);
        if (!config.tlsTrustAnchors().isEmpty()) {
            builder.sslContext(trusting(config.tlsTrustAnchors()));
        }
        this.client = builder.build();
    }

    /** A client for {@code config}. */
    public static MediaHttp create(MediaConfig config) {
        return new MediaHttp(config);
    }

    public MediaConfig config() {
        return config;
    }

    HttpClient client() {
        return client;
    }

    /** Virtual threads for blocking media work started asynchronously. */
    java.util.concurrent.Executor executor() {
        return executor;
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }

    private static SSLContext trusting(List<X509Certificate> anchors) {
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
            throw new IllegalArgumentException("cannot trust the given certificates: " + e.getMessage(), e);
        }
    }
}
