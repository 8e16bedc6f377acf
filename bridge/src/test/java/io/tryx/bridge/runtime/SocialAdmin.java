package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's social and app-state admin endpoints as JSON ({@code /admin/accounts/{phone}/...}, and any other
 * {@code /admin/...} read): what the server stored for an account, and what its mock phone changes.
 */
final class SocialAdmin implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    SocialAdmin(String adminUrl) {
        this.base = URI.create(adminUrl.endsWith("/") ? adminUrl : adminUrl + "/");
    }

    /** {@code GET /admin/<path>} (e.g. {@code newsletters/<jid>/posts}). */
    JsonNode get(String path) {
        return call(HttpRequest.newBuilder(base.resolve("admin/" + path)).GET());
    }

    /** {@code GET /admin/accounts/{phone}/{what}}. */
    JsonNode get(String phone, String what) {
        return call(HttpRequest.newBuilder(base.resolve("admin/accounts/" + phone + "/" + what)).GET());
    }

    /** {@code POST /admin/accounts/{phone}/{what}} with {@code body}; asserts a 2xx answer. */
    JsonNode post(String phone, String what, Map<String, ?> body) {
        try {
            return call(HttpRequest.newBuilder(base.resolve("admin/accounts/" + phone + "/" + what))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
