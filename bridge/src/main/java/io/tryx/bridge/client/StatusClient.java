package io.tryx.bridge.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.registry.RegistryAuth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a running bridge's HTTP API ({@code io.tryx.bridge.web.StatusServer}): its Kafka addresses
 * ({@code /api/bridge}, how clients find an embedded broker) and its accounts ({@code /api/accounts}).
 */
public final class StatusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    /** A client of the bridge whose status page is at {@code base} ({@code http://127.0.0.1:8787/}). */
    public StatusClient(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    public URI base() {
        return base;
    }

    /** The running bridge's Kafka, registry and topic prefix (registry without authentication, as embedded). */
    public BridgeEndpoints endpoints() {
        JsonNode info = get("api/bridge");
        return new BridgeEndpoints(text(info, "bootstrapServers"), Map.of(), text(info, "schemaRegistryUrl"),
                RegistryAuth.none(), new TopicNames(text(info, "topicPrefix")));
    }

    /** The accounts the bridge runs, as it reports them. */
    public List<AccountStatus> accounts() {
        JsonNode list = get("api/accounts");
        if (!list.isArray()) {
            throw new BridgeClientException(base + "api/accounts did not answer a JSON array");
        }
        List<AccountStatus> accounts = new ArrayList<>();
        for (JsonNode account : list) {
            accounts.add(new AccountStatus(text(account, "accountId"), optional(account, "jid"), text(account, "state"),
                    optional(account, "qrCode"), optional(account, "pairCode")));
        }
        return accounts;
    }

    private JsonNode get(String path) {
        URI uri = base.resolve(path);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BridgeClientException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new BridgeClientException(uri + " did not answer JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BridgeClientException("no bridge answers at " + base + " (" + e + "); is `tryx run` running? "
                    + "Give its status URL with --bridge-url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeClientException("interrupted while asking " + uri, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BridgeClientException("the bridge's answer lacks " + field + ": " + node);
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
