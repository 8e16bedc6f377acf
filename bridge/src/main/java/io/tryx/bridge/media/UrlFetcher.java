package io.tryx.bridge.media;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches the files commands give as {@code http}/{@code https} URLs (the JDK's trust store, up to
 * {@value #MAX_REDIRECTS} redirects followed except from https to http) into temporary files: streamed to disk, never
 * held in memory, cancelled once more than {@code maxBytes} arrived (or the server announces more) or {@code timeout}
 * passed. Every host, the redirects' included, is resolved once and checked against an {@link AddressPolicy} before
 * the connection to exactly the checked addresses ({@link GuardedDnsResolver}). Thread-safe.
 */
public final class UrlFetcher implements AutoCloseable {

    static final int MAX_REDIRECTS = 5;
    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;
    private final Duration timeout;
    private final Path directory;
    private final CloseableHttpClient client;

    /** Fetches into the JDK's temporary directory, from public addresses only. */
    public UrlFetcher(long maxBytes, Duration timeout) {
        this(maxBytes, timeout, AddressPolicy.PUBLIC_ONLY);
    }

    /** Fetches into the JDK's temporary directory from the addresses {@code policy} allows. */
    public UrlFetcher(long maxBytes, Duration timeout, AddressPolicy policy) {
        this(maxBytes, timeout, policy, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Fetches into {@code directory} from the addresses {@code policy} allows. */
    public UrlFetcher(long maxBytes, Duration timeout, AddressPolicy policy, Path directory) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.directory = directory;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(policy))
                        .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().setUserAgent("tryx-bridge")
                .build();
    }

    /** {@code text} as an absolute http or https URL with a host. */
    public static URI parse(String text) throws MediaFetchException {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new MediaFetchException(MediaFetchException.Reason.INVALID_URL, 0,
                "not an http or https URL with a host: " + text, null);
    }

    /** Fetches {@code uri} into a new temporary file; blocks. The caller closes (deletes) the result. */
    public FetchedFile fetch(URI uri) throws MediaFetchException {
        URI current = parse(uri.toString());
        Path file;
        try {
            file = Files.createTempFile(directory, "tryx-media-", ".part");
        } catch (IOException e) {
            throw new MediaFetchException(MediaFetchException.Reason.IO, 0, "cannot create a temporary file: " + e, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (int hop = 0; ; hop++) {
                switch (exchange(current, file, deadline)) {
                    case Hop.Body body -> {
                        return new FetchedFile(file, Files.size(file), body.contentType());
                    }
                    case Hop.Redirect redirect -> {
                        if (hop == MAX_REDIRECTS) {
                            throw new MediaFetchException(MediaFetchException.Reason.HTTP_STATUS, 0, "GET "
                                    + redacted(uri) + " redirected more than " + MAX_REDIRECTS + " times", null);
                        }
                        current = redirect.target();
                    }
                }
            }
        } catch (MediaFetchException e) {
            throw failed(file, e);
        } catch (IOException e) {
            throw failed(file, new MediaFetchException(MediaFetchException.Reason.IO, 0,
                    "GET " + redacted(current) + " failed: " + e, e));
        }
    }

    /** What one request ended with: the body in the file, or a redirect to follow. */
    private sealed interface Hop {
        record Body(Optional<String> contentType) implements Hop {
        }

        record Redirect(URI target) implements Hop {
        }
    }

    /** One request: the body into {@code file}, or where a redirect points. */
    private Hop exchange(URI uri, Path file, long deadline) throws MediaFetchException, IOException {
        long remaining = deadline - System.nanoTime();
        String what = "GET " + redacted(uri);
        if (remaining <= 0) {
            throw timedOut(what, null);
        }
        HttpGet request = new HttpGet(uri);
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            expired.set(true);
            request.cancel();
        }, CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS));
        try (ClassicHttpResponse response = client.executeOpen(host(uri), request, null)) {
            int status = response.getCode();
            if (status >= 300 && status < 400 && response.getFirstHeader("Location") != null) {
                return new Hop.Redirect(redirect(uri, response.getFirstHeader("Location").getValue(), status));
            }
            if (status / 100 != 2) {
                throw new MediaFetchException(MediaFetchException.Reason.HTTP_STATUS, status,
                        what + " answered HTTP " + status, null);
            }
            HttpEntity entity = response.getEntity();
            if (entity != null && entity.getContentLength() > maxBytes) {
                throw new MediaFetchException(MediaFetchException.Reason.TOO_LARGE, status, what + " announces "
                        + entity.getContentLength() + " bytes, over the limit of " + maxBytes, null);
            }
            copy(entity, file, what);
            Header type = response.getFirstHeader("Content-Type");
            return new Hop.Body(Optional.ofNullable(type).map(Header::getValue).map(String::trim)
                    .filter(t -> !t.isEmpty()));
        } catch (MediaFetchException e) {
            throw e;
        } catch (GuardedDnsResolver.ForbiddenAddressException e) {
            throw new MediaFetchException(MediaFetchException.Reason.FORBIDDEN_ADDRESS, 0,
                    what + " refused: " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            throw timedOut(what, e);
        } catch (IOException e) {
            if (expired.get()) {
                throw timedOut(what, e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }

    private MediaFetchException timedOut(String what, Throwable cause) {
        return new MediaFetchException(MediaFetchException.Reason.TIMEOUT, 0,
                what + " took longer than " + timeout.toMillis() + " ms", cause);
    }

    private void copy(HttpEntity entity, Path file, String what) throws IOException, MediaFetchException {
        try (OutputStream out = Files.newOutputStream(file);
             InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new MediaFetchException(MediaFetchException.Reason.TOO_LARGE, 0,
                            what + " delivered more than the limit of " + maxBytes + " bytes", null);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static URI redirect(URI from, String location, int status) throws MediaFetchException {
        URI target;
        try {
            target = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MediaFetchException(MediaFetchException.Reason.HTTP_STATUS, status,
                    "GET " + redacted(from) + " redirected to an invalid location", e);
        }
        URI checked = parse(target.toString());
        if (from.getScheme().equalsIgnoreCase("https") && checked.getScheme().equalsIgnoreCase("http")) {
            throw new MediaFetchException(MediaFetchException.Reason.HTTP_STATUS, status,
                    "GET " + redacted(from) + " redirected from https to http, which is not followed", null);
        }
        return checked;
    }

    /** The host by name only (never a pre-resolved address), so every connection resolves through the guard. */
    private static HttpHost host(URI uri) {
        String name = uri.getHost();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return new HttpHost(uri.getScheme().toLowerCase(Locale.ROOT), name, uri.getPort());
    }

    /** The URL without its query and user info, which may hold credentials. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static MediaFetchException failed(Path file, MediaFetchException error) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary directory is cleaned by the system
        }
        return error;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
