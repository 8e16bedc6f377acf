package io.tryx.protocol.client;

import io.tryx.protocol.login.ClientVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Refreshing the announced version from a service worker script, with the configured version as fallback. */
class ClientVersionSourceTest {

    private static final URI SCRIPT = URI.create("http://127.0.0.1:1/sw.js");
    private static final ClientVersion CONFIGURED = ClientVersion.parse("2.3000.1000");

    private final List<URI> asked = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<String> answer;

    private ClientVersionSource source(Duration cacheFor) {
        return new ClientVersionSource(uri -> {
            asked.add(uri);
            return answer;
        }, SCRIPT, cacheFor);
    }

    @Test
    void thePublishedRevisionIsAnnouncedAndSharedWhileCached() {
        ClientVersionSource source = source(Duration.ofHours(1));
        answer = CompletableFuture.completedFuture("x=\"{\\\"client_revision\\\":2000}\"");
        assertThat(source.fetch(CONFIGURED).join()).isEqualTo(ClientVersion.parse("2.3000.2000"));
        answer = CompletableFuture.completedFuture("x=\"{\\\"client_revision\\\":3000}\"");
        assertThat(source.fetch(CONFIGURED).join()).as("cached").isEqualTo(ClientVersion.parse("2.3000.2000"));
        assertThat(source.refresh(CONFIGURED).join()).as("asked again").isEqualTo(ClientVersion.parse("2.3000.3000"));
        assertThat(asked).containsExactly(SCRIPT, SCRIPT);
    }

    @Test
    void aFailedFetchOrAScriptWithoutRevisionFallsBackToTheConfiguredVersion() {
        ClientVersionSource source = source(Duration.ZERO);
        answer = CompletableFuture.failedFuture(new IllegalStateException("GET answered 503"));
        assertThat(source.fetch(CONFIGURED).join()).isEqualTo(CONFIGURED);
        answer = CompletableFuture.completedFuture("<html>bot check</html>");
        assertThat(source.fetch(CONFIGURED).join()).isEqualTo(CONFIGURED);
        ClientVersionSource throwing = new ClientVersionSource(uri -> {
            throw new IllegalArgumentException("no route");
        }, SCRIPT, Duration.ZERO);
        assertThat(throwing.fetch(CONFIGURED).join()).isEqualTo(CONFIGURED);
    }
}
