package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The simulator admin calls of the mock phone's media: sending media messages and reading the inbox as JSON. */
final class PhoneMediaAdmin implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the phone answered to a media send: the message id and the hex SHA-256 of the plaintext. */
    record Sent(String id, String sha256) {
    }

    PhoneMediaAdmin(String adminUrl) {
        this.base = URI.create(adminUrl.endsWith("/") ? adminUrl : adminUrl + "/");
    }

    /** The mock phone of {@code phone} sends a media message described by {@code body} (see simulator/README.md). */
    Sent send(String phone, Map<String, Object> body) throws IOException, InterruptedException {
        JsonNode answer = call(HttpRequest.newBuilder(base.resolve("admin/accounts/" + phone + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        return new Sent(answer.path("id").asText(), answer.path("sha256").asText());
    }

    /** The inbox entries of the mock phone of {@code phone}. */
    List<JsonNode> inbox(String phone) throws IOException, InterruptedException {
        List<JsonNode> entries = new ArrayList<>();
        call(HttpRequest.newBuilder(base.resolve("admin/accounts/" + phone + "/inbox")).GET()).forEach(entries::add);
        return entries;
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("admin answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
