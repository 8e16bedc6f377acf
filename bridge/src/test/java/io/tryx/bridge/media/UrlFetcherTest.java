package io.tryx.bridge.media;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching media URLs: streamed to a file, bounded in size and time, typed failures, no temporary file left behind. */
class UrlFetcherTest {

    private static final int LIMIT = 10_000;

    @TempDir
    Path dir;
    private HttpServer server;
    private ExecutorService handlers;
    private final CountDownLatch release = new CountDownLatch(1);
    private UrlFetcher fetcher;
    private volatile int requests;

    @BeforeEach
    void start() throws IOException {
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.start();
        fetcher = new UrlFetcher(LIMIT, Duration.ofMillis(800), AddressPolicy.ANY, dir);
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void aFileIsStreamedToATemporaryFileWithItsContentTypeAndDeletedOnClose() throws Exception {
        byte[] body = serve("/photo.jpg", 200, LIMIT, false);
        FetchedFile file = fetcher.fetch(url("/photo.jpg"));
        try (file) {
            assertThat(file.size()).isEqualTo(LIMIT);
            assertThat(Files.readAllBytes(file.file())).isEqualTo(body);
            assertThat(file.contentType()).contains("image/jpeg");
        }
        assertThat(file.file()).doesNotExist();
    }

    @Test
    void anErrorStatusIsATypedFailureCarryingTheStatus() throws Exception {
        serve("/gone.jpg", 410, 10, false);
        assertThatThrownBy(() -> fetcher.fetch(url("/gone.jpg?token=secret"))).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.HTTP_STATUS);
            assertThat(e.status()).isEqualTo(410);
            assertThat(e.getMessage()).contains("HTTP 410").contains("/gone.jpg").doesNotContain("secret");
            assertThat(e.retryable()).isFalse();
        });
        assertThatThrownBy(() -> fetcher.fetch(url("/nothing-here"))).isInstanceOfSatisfying(MediaFetchException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherAnnouncedOrStreamed() throws Exception {
        serve("/announced.bin", 200, LIMIT + 1, false);
        serve("/chunked.bin", 200, 5 * LIMIT, true);
        for (String path : new String[] {"/announced.bin", "/chunked.bin"}) {
            assertThatThrownBy(() -> fetcher.fetch(url(path))).isInstanceOfSatisfying(MediaFetchException.class, e -> {
                assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.TOO_LARGE);
                assertThat(e.getMessage()).contains(String.valueOf(LIMIT));
            });
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aServerThatStallsMidBodyTimesOut() throws Exception {
        server.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[100]);
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(url("/stall"))).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.TIMEOUT);
            assertThat(e.retryable()).isTrue();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void redirectsAreFollowedButNotFromHttpsToHttpNorEndlessly() throws Exception {
        byte[] body = serve("/photo.jpg", 200, 100, false);
        redirect("/old", url("/photo.jpg").toString());
        try (FetchedFile file = fetcher.fetch(url("/old"))) {
            assertThat(Files.readAllBytes(file.file())).isEqualTo(body);
        }
        redirect("/loop", "/loop");
        assertThatThrownBy(() -> fetcher.fetch(url("/loop"))).isInstanceOfSatisfying(MediaFetchException.class,
                e -> assertThat(e.getMessage()).contains("redirected more than " + UrlFetcher.MAX_REDIRECTS));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void byDefaultLoopbackAndPrivateHostsAreRefusedBeforeAnyRequest() throws Exception {
        serve("/photo.jpg", 200, 100, false);
        int port = server.getAddress().getPort();
        try (UrlFetcher guarded = new UrlFetcher(LIMIT, Duration.ofSeconds(5), AddressPolicy.PUBLIC_ONLY, dir)) {
            for (String url : new String[] {"http://127.0.0.1:" + port + "/photo.jpg", "http://localhost:" + port + "/photo.jpg",
                    "http://[::1]:" + port + "/photo.jpg", "http://169.254.169.254/latest/meta-data/",
                    "http://10.0.0.1/a.png", "https://192.168.1.1/a.png", "http://0.0.0.0:" + port + "/photo.jpg",
                    "http://[::ffff:127.0.0.1]:" + port + "/photo.jpg", "http://[fd00::1]/a.png"}) {
                assertThatThrownBy(() -> guarded.fetch(URI.create(url))).as(url)
                        .isInstanceOfSatisfying(MediaFetchException.class, e -> {
                            assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.FORBIDDEN_ADDRESS);
                            assertThat(e.retryable()).isFalse();
                            assertThat(e.getMessage()).contains("public addresses").contains("allow-private-networks");
                        });
            }
        }
        assertThat(requests).as("no request reached the server").isZero();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aRedirectToAForbiddenAddressIsRefused() throws Exception {
        redirect("/hop", "http://127.0.0.2:" + server.getAddress().getPort() + "/secret");
        AddressPolicy only127001 = a -> a.getHostAddress().equals("127.0.0.1") ? java.util.Optional.empty()
                : java.util.Optional.of("not the test server");
        try (UrlFetcher guarded = new UrlFetcher(LIMIT, Duration.ofSeconds(5), only127001, dir)) {
            assertThatThrownBy(() -> guarded.fetch(url("/hop"))).isInstanceOfSatisfying(MediaFetchException.class, e -> {
                assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.FORBIDDEN_ADDRESS);
                assertThat(e.getMessage()).contains("127.0.0.2").contains("not the test server");
            });
        }
        assertThat(requests).as("only the redirecting request").isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void onlyAbsoluteHttpUrlsAreAccepted() throws Exception {
        assertThat(UrlFetcher.parse("https://example.org/a.png")).hasHost("example.org");
        for (String bad : new String[] {"ftp://example.org/a.png", "file:///etc/passwd", "/relative.png", "http://", "not a url"}) {
            assertThatThrownBy(() -> UrlFetcher.parse(bad)).isInstanceOfSatisfying(MediaFetchException.class,
                    e -> assertThat(e.reason()).isEqualTo(MediaFetchException.Reason.INVALID_URL));
        }
    }

    private void redirect(String path, String location) {
        server.createContext(path, exchange -> {
            requests++;
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    private byte[] serve(String path, int status, int size, boolean chunked) {
        byte[] body = new byte[size];
        new SplittableRandom(size).nextBytes(body);
        server.createContext(path, exchange -> {
            requests++;
            exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the client cancelled
            }
        });
        return body;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
