package io.tryx.bridge.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP exchange with the registry: JSON in and out in the {@code application/vnd.schemaregistry.v1+json}
 * media type, the authorization header, the request timeout, error bodies turned into
 * {@link SchemaRegistryException} and retries of transient failures. Every call of the Confluent API the
 * client makes is idempotent (registering the same schema again returns the same id), so retrying is safe.
 */
final class RegistryHttp implements AutoCloseable {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private final SchemaRegistryConfig config;
    private final HttpClient http;
    private final ObjectMapper json;

    RegistryHttp(SchemaRegistryConfig config, ObjectMapper json) {
        this.config = Objects.requireNonNull(config, "config");
        this.json = Objects.requireNonNull(json, "json");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** Sends {@code method path} with an optional JSON body and returns the parsed JSON answer of a 2xx response. */
    JsonNode call(String method, String path, JsonNode body) {
        RetryPolicy retry = config.retry();
        SchemaRegistryException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(retry.backoffBefore(attempt), method, path, last);
            }
            try {
                return once(method, path, body);
            } catch (SchemaRegistryException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private JsonNode once(String method, String path, JsonNode body) {
        HttpRequest request = request(method, path, body);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException(0, 0, method, path, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, 0, method, path, "interrupted", e);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status >= 200 && status < 300) {
            if (answer == null) {
                throw new SchemaRegistryException(status, 0, method, path, "response is not JSON: " + clip(response.body()), null);
            }
            return answer;
        }
        int code = 0;
        String message = clip(response.body());
        if (answer != null && answer.isObject()) {
            code = answer.path("error_code").asInt(0);
            if (answer.hasNonNull("message")) {
                message = answer.get("message").asText();
            }
        }
        throw new SchemaRegistryException(status, code, method, path, message, null);
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        config.auth().authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", MEDIA_TYPE);
            try {
                builder.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode request body", e);
            }
        }
        return builder.build();
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void pause(Duration delay, String method, String path, SchemaRegistryException last) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(last.status(), last.errorCode(), method, path,
                    "interrupted while waiting to retry", last);
        }
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        http.close();
    }
}
