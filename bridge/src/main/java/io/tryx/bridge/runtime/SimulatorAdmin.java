package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small client of the simulator's admin API (see simulator/README.md) for the demo and the tests: create
 * accounts, let an account's mock phone scan a QR code or type a pair code, send texts from a mock phone and read
 * its inbox. Failures (a non-2xx answer) are {@link IllegalStateException}s carrying the simulator's error body.
 */
public final class SimulatorAdmin {

    /** One message the mock phone received and decrypted. */
    public record InboxMessage(String id, String from, String chat, String type, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SimulatorAdmin(String adminUrl) {
        this.base = URI.create(adminUrl.endsWith("/") ? adminUrl.substring(0, adminUrl.length() - 1) : adminUrl);
    }

    /** Creates the account {@code phone} (digits) unless it exists; returns its JID. */
    public String createAccount(String phone, String pushName) {
        Answer answer = call("POST", "/admin/accounts", Map.of("phone", phone, "pushName", pushName));
        if (answer.status() == 409) {
            return phone + "@s.whatsapp.net";
        }
        return answer.ok().get("jid").asText();
    }

    /** The account's mock phone scans {@code qr}; returns the linked device's JID. */
    public String scanQr(String phone, String qr) {
        return call("POST", "/admin/accounts/" + phone + "/scan-qr", Map.of("qr", qr)).ok().get("jid").asText();
    }

    /** The user types {@code code} on the account's mock phone; returns the linked device's JID. */
    public String typePairCode(String phone, String code) {
        return call("POST", "/admin/accounts/" + phone + "/pair-code", Map.of("code", code)).ok().get("jid").asText();
    }

    /** The account's mock phone sends {@code text} to {@code to}; returns the message id. */
    public String sendText(String phone, String to, String text) {
        return call("POST", "/admin/accounts/" + phone + "/messages", Map.of("to", to, "text", text)).ok().get("id").asText();
    }

    /** What the account's mock phone received. */
    public List<InboxMessage> inbox(String phone) {
        List<InboxMessage> messages = new ArrayList<>();
        for (JsonNode m : call("GET", "/admin/accounts/" + phone + "/inbox", null).ok()) {
            messages.add(new InboxMessage(m.path("id").asText(), m.path("from").asText(), m.path("chat").asText(),
                    m.path("type").asText(), m.path("text").asText(null)));
        }
        return messages;
    }

    /** How many companion devices the account has linked. */
    public int linkedDevices(String phone) {
        return call("GET", "/admin/accounts/" + phone, null).ok().path("devices").size();
    }

    private record Answer(int status, JsonNode body, String path) {
        JsonNode ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException("simulator " + path + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    private Answer call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, path);
        } catch (IOException e) {
            throw new UncheckedIOException("simulator admin " + path + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
