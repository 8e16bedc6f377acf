package io.tryx.bridge.media;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the files commands give as {@code http}/{@code https} URLs (the JDK's trust store, redirects followed
 * except from https to http) into temporary files: streamed to disk, never held in memory, cancelled once more than
 * {@code maxBytes} arrived (or the server announces more) or {@code timeout} passed. Thread-safe.
 */
public final class UrlFetcher implements AutoCloseable {

    private final long maxBytes;
    private final Duration timeout;
    private final Path directory;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    /** Fetches into the JDK's temporary directory. */
    public UrlFetcher(long maxBytes, Duration timeout) {
        this(maxBytes, timeout, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Fetches into {@code directory}. */
    public UrlFetcher(long maxBytes, Duration timeout, Path directory) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.directory = directory;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor).build();
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
        Path file;
        try {
            file = Files.createTempFile(directory, "tryx-media-", ".part");
        } catch (IOException e) {
            throw new MediaFetchException(MediaFetchException.Reason.IO, 0, "cannot create a temporary file: " + e, e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<Long>> exchange = client.sendAsync(request, info -> subscriber(info, file));
        try {
            HttpResponse<Long> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new FetchedFile(file, response.body(), response.headers().firstValue("Content-Type")
                    .map(String::trim).filter(s -> !s.isEmpty()));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failed(file, new MediaFetchException(MediaFetchException.Reason.TIMEOUT, 0,
                    "GET " + redacted(uri) + " took longer than " + timeout.toSeconds() + " s", e));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failed(file, new MediaFetchException(MediaFetchException.Reason.IO, 0, "interrupted", e));
        } catch (ExecutionException | CancellationException e) {
            throw failed(file, translate(uri, e.getCause() == null ? e : e.getCause()));
        }
    }

    private HttpResponse.BodySubscriber<Long> subscriber(HttpResponse.ResponseInfo info, Path file) {
        if (info.statusCode() / 100 != 2) {
            return new FailingSubscriber(new MediaFetchException(MediaFetchException.Reason.HTTP_STATUS,
                    info.statusCode(), "answered HTTP " + info.statusCode(), null));
        }
        Optional<Long> announced = info.headers().firstValueAsLong("Content-Length").stream().boxed().findFirst();
        if (announced.isPresent() && announced.get() > maxBytes) {
            return new FailingSubscriber(new MediaFetchException(MediaFetchException.Reason.TOO_LARGE, info.statusCode(),
                    "announces " + announced.get() + " bytes, over the limit of " + maxBytes, null));
        }
        try {
            return new LimitedFileSubscriber(FileChannel.open(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), maxBytes);
        } catch (IOException e) {
            return new FailingSubscriber(e);
        }
    }

    private static MediaFetchException translate(URI uri, Throwable cause) {
        String what = "GET " + redacted(uri);
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof MediaFetchException fetch) {
                return new MediaFetchException(fetch.reason(), fetch.status(), what + " " + fetch.getMessage(), fetch);
            }
        }
        return switch (cause) {
            case java.net.http.HttpTimeoutException timeout -> new MediaFetchException(MediaFetchException.Reason.TIMEOUT,
                    0, what + " timed out: " + timeout.getMessage(), timeout);
            default -> new MediaFetchException(MediaFetchException.Reason.IO, 0, what + " failed: " + cause, cause);
        };
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

    /** Drops the body (cancelling the transfer) and fails with {@code error}. */
    private record FailingSubscriber(Throwable error, CompletableFuture<Long> result)
            implements HttpResponse.BodySubscriber<Long> {
        FailingSubscriber(Throwable error) {
            this(error, CompletableFuture.failedFuture(error));
        }

        @Override
        public java.util.concurrent.CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> item) {
            // cancelled on subscription
        }

        @Override
        public void onError(Throwable throwable) {
            // the result failed already
        }

        @Override
        public void onComplete() {
            // the result failed already
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
