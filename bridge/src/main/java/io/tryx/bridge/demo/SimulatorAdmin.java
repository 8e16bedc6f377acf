package io.tryx.bridge.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the simulator's admin API (see simulator/README.md), for the parts the demo and the bridge tests
 * drive: creating accounts, making an account's mock phone scan a QR code or type a pair code, the mock phone's
 * messages of every kind it supports (text, location, contact, reaction, edit, revoke) and the texts it received.
 */
public final class SimulatorAdmin implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Scanning waits for the companion's countersignature; the simulator gives up after 20 s. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A text the mock phone received. */
    public record InboxText(String id, String from, String chat, String text) {
    }

    public SimulatorAdmin(String adminUrl) {
        this.base = URI.create(adminUrl.endsWith("/") ? adminUrl : adminUrl + "/");
    }

    /** Creates an account (with its mock phone); returns its JID. */
    public String createAccount(String phone, String pushName) {
        return post("admin/accounts", Map.of("phone", phone, "pushName", pushName)).path("jid").asText();
    }

    /** The mock phone of {@code phone} scans {@code qr}; returns the JID of the device it linked. */
    public String scanQr(String phone, String qr) {
        return post("admin/accounts/" + encode(phone) + "/scan-qr", Map.of("qr", qr)).path("jid").asText();
    }

    /** The user types {@code code} on the mock phone of {@code phone}; returns the JID of the device it linked. */
    public String enterPairCode(String phone, String code) {
        return post("admin/accounts/" + encode(phone) + "/pair-code", Map.of("code", code)).path("jid").asText();
    }

    /** The mock phone of {@code phone} sends {@code text} to {@code to}; returns the message id. */
    public String sendText(String phone, String to, String text) {
        return sendMessage(phone, to, "text", Map.of("text", text));
    }

    /** The mock phone of {@code phone} sends a location pin; returns the message id. */
    public String sendLocation(String phone, String to, double latitude, double longitude, String name) {
        return sendMessage(phone, to, "location", name == null ? Map.of("latitude", latitude, "longitude", longitude)
                : Map.of("latitude", latitude, "longitude", longitude, "name", name));
    }

    /** The mock phone of {@code phone} sends a contact card; returns the message id. */
    public String sendContact(String phone, String to, String displayName, String vcard) {
        return sendMessage(phone, to, "contact", Map.of("displayName", displayName, "vcard", vcard));
    }

    /** The mock phone reacts to a message it sent or received ({@code ""} removes its reaction); returns the id. */
    public String sendReaction(String phone, String to, String targetId, String emoji) {
        return sendMessage(phone, to, "reaction", Map.of("targetId", targetId, "emoji", emoji));
    }

    /** The mock phone edits a text it sent; returns the id of the edit message. */
    public String sendEdit(String phone, String to, String targetId, String text) {
        return sendMessage(phone, to, "edit", Map.of("targetId", targetId, "text", text));
    }

    /** The mock phone revokes (deletes for everyone) a message it sent; returns the id of the revoke message. */
    public String sendRevoke(String phone, String to, String targetId) {
        return sendMessage(phone, to, "revoke", Map.of("targetId", targetId));
    }

    /**
     * The mock phone of {@code phone} sends a message of kind {@code type} (the simulator's {@code messages} kinds)
     * with the kind's {@code fields}; returns the message id.
     */
    public String sendMessage(String phone, String to, String type, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("to", to);
        body.put("type", type);
        return post("admin/accounts/" + encode(phone) + "/messages", body).path("id").asText();
    }

    /** The texts the mock phone of {@code phone} received. */
    public List<InboxText> inbox(String phone) {
        JsonNode list = send(HttpRequest.newBuilder(base.resolve("admin/accounts/" + encode(phone) + "/inbox")).GET());
        List<InboxText> texts = new ArrayList<>();
        list.forEach(t -> texts.add(new InboxText(t.path("id").asText(), t.path("from").asText(), t.path("chat").asText(),
                t.path("text").asText())));
        return texts;
    }

    /** How many companion devices the account has linked. */
    public int linkedDevices(String phone) {
        return send(HttpRequest.newBuilder(base.resolve("admin/accounts/" + encode(phone))).GET()).path("devices").size();
    }

    private JsonNode post(String path, Map<String, ?> body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SimulatorAdminException(0, "io-error", built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorAdminException(0, "io-error", "interrupted: " + built.uri(), e);
        }
        JsonNode answer;
        try {
            answer = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new SimulatorAdminException(response.statusCode(), "invalid-answer",
                    built.uri() + " answered " + response.statusCode() + " without JSON", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SimulatorAdminException(response.statusCode(), answer.path("error").asText("unknown"),
                    built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                            + answer.path("message").asText(response.body()), null);
        }
        return answer;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
