package io.tryx.protocol.client;

import io.tryx.protocol.login.ClientVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Refreshes the WhatsApp Web version a client announces: WhatsApp publishes its current web client revision in its
 * service worker script ({@value #WHATSAPP_WEB_SW}, {@code client_revision}), and a client announcing a version the
 * server no longer takes is refused with 405. {@link #fetch} reads the script through a small {@link Http} interface
 * and falls back to the configured version when the fetch fails or the script names no revision; it never fails.
 * A version learned is shared for {@code cacheFor} (many accounts of one runtime start at once); {@link #refresh}
 * asks again regardless. Thread-safe.
 */
public final class ClientVersionSource {

    /** Where WhatsApp Web publishes its current revision. */
    public static final String WHATSAPP_WEB_SW = "https://web.whatsapp.com/sw.js";

    private static final Logger log = LoggerFactory.getLogger(ClientVersionSource.class);

    /** A GET of a text resource: completes with the body of a 2xx answer, exceptionally otherwise. */
    @FunctionalInterface
    public interface Http {
        CompletableFuture<String> get(URI uri);
    }

    private final Http http;
    private final URI script;
    private final long cacheNanos;
    private ClientVersion cached;
    private long cachedAt;

    /** A source reading {@code script} through {@code http}, sharing what it learned for {@code cacheFor}. */
    public ClientVersionSource(Http http, URI script, Duration cacheFor) {
        this.http = Objects.requireNonNull(http, "http");
        this.script = Objects.requireNonNull(script, "script");
        this.cacheNanos = cacheFor.toNanos();
    }

    /** The source reading {@value #WHATSAPP_WEB_SW} with the JDK's HTTP client, sharing a version learned for an hour. */
    public static ClientVersionSource whatsAppWeb() {
        return new ClientVersionSource(jdkHttp(Duration.ofSeconds(10)), URI.create(WHATSAPP_WEB_SW), Duration.ofHours(1));
    }

    /**
     * {@link Http} over the JDK's client, sending a browser's user agent and {@code sec-fetch-site} (the site answers
     * bare clients with a bot check) and failing on a non-2xx status or after {@code timeout}.
     */
    public static Http jdkHttp(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return uri -> client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                + "Chrome/131.0.0.0 Safari/537.36")
                        .header("Sec-Fetch-Site", "none").build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
                    }
                    return response.body();
                });
    }

    /** The current web version (learned less than the cache time ago, or now), or {@code fallback}. */
    public CompletableFuture<ClientVersion> fetch(ClientVersion fallback) {
        synchronized (this) {
            if (cached != null && System.nanoTime() - cachedAt < cacheNanos) {
                return CompletableFuture.completedFuture(cached);
            }
        }
        return refresh(fallback);
    }

    /** The current web version asked now (the server refused the one learned before), or {@code fallback}. */
    public CompletableFuture<ClientVersion> refresh(ClientVersion fallback) {
        Objects.requireNonNull(fallback, "fallback");
        CompletableFuture<String> body;
        try {
            body = http.get(script);
        } catch (RuntimeException e) {
            body = CompletableFuture.failedFuture(e);
        }
        return body.handle((text, error) -> {
            if (error != null) {
                log.warn("client version refresh from {} failed, announcing {}: {}", script, fallback, error.toString());
                return fallback;
            }
            return ClientVersion.fromServiceWorker(text).map(this::learned).orElseGet(() -> {
                log.warn("no client_revision in {}, announcing {}", script, fallback);
                return fallback;
            });
        });
    }

    private synchronized ClientVersion learned(ClientVersion version) {
        cached = version;
        cachedAt = System.nanoTime();
        return version;
    }

    @Override
    public String toString() {
        return "ClientVersionSource[" + script + "]";
    }
}
