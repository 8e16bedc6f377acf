package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.login.DeviceSessions;

import java.io.IOException;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fault injection for tests of clients' reconnect paths:
 * {@code POST /admin/devices/{jid}/disconnect} ends a connected device's stream. The optional body picks how:
 * {@code {"streamError": 515}} (any code) sends {@code <stream:error code=...>} first, {@code {"conflict": "replaced"}}
 * sends a conflict; no body drops the connection without a word, like a network failure. Answers 200
 * {@code {"jid","action"}}; 400 {@code invalid-jid}/{@code invalid-json}, 404 {@code device-offline}, 405 for other methods.
 * <p>
 * {@code POST /admin/devices/{jid}/faults} degrades a connected device's link until cleared or disconnected:
 * {@code {"delayMillis": N}} holds every later outbound frame N ms (order kept), {@code {"dropNext": K}} silently
 * drops the next K outbound stanzas (a dropped message stays unacknowledged, so the next login redelivers it),
 * {@code {"dropMessages": K}} only the next K {@code message} stanzas (other stanzas pass); they may be combined;
 * {@code {"clear": true}} removes the faults. Answers 200 {@code {"jid","delayMillis","dropNext","dropMessages"}};
 * 400 {@code invalid-jid}/{@code invalid-json}/{@code invalid-fault}, 404 {@code device-offline}.
 */
final class FaultEndpoints {

    private static final Pattern DISCONNECT = Pattern.compile("/admin/devices/([^/]+)/disconnect");
    private static final Pattern FAULTS = Pattern.compile("/admin/devices/([^/]+)/faults");
    /** The longest delay accepted, so a typo cannot hold a connection's frames for hours. */
    static final long MAX_DELAY_MILLIS = 60_000;

    private final DeviceSessions sessions;

    FaultEndpoints(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    /** The answer when {@code path} is a fault endpoint, empty otherwise. */
    Optional<AdminResponse> handle(String method, String path, byte[] body) {
        Matcher faults = FAULTS.matcher(path);
        if (faults.matches()) {
            return Optional.of(method.equals("POST") ? faults(URLDecoder.decode(faults.group(1), StandardCharsets.UTF_8), body)
                    : AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        Matcher disconnect = DISCONNECT.matcher(path);
        if (!disconnect.matches()) {
            return Optional.empty();
        }
        if (!method.equals("POST")) {
            return Optional.of(AdminResponse.error(405, "method-not-allowed", method + " " + path));
        }
        return Optional.of(disconnect(URLDecoder.decode(disconnect.group(1), StandardCharsets.UTF_8), body));
    }

    private AdminResponse disconnect(String jidText, byte[] body) {
        Jid jid;
        try {
            jid = Jid.parse(jidText);
        } catch (ProtocolException e) {
            return AdminResponse.error(400, "invalid-jid", e.getMessage());
        }
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? AdminApi.JSON.createObjectNode() : AdminApi.JSON.readTree(body);
        } catch (IOException e) {
            return AdminResponse.error(400, "invalid-json", "body is not JSON");
        }
        if (json == null || !json.isObject()) {
            return AdminResponse.error(400, "invalid-json", "body must be a JSON object");
        }
        Optional<ChatConnection> connection = sessions.connection(jid);
        if (connection.isEmpty()) {
            return AdminResponse.error(404, "device-offline", jid + " is not connected");
        }
        ChatConnection c = connection.get();
        String action;
        if (json.has("streamError")) {
            int code = json.get("streamError").asInt();
            c.execute(() -> c.streamError(code));
            action = "stream-error " + code;
        } else if (json.has("conflict")) {
            String type = json.get("conflict").asText();
            c.execute(() -> c.conflict(type));
            action = "conflict " + type;
        } else {
            c.execute(c::close);
            action = "dropped";
        }
        return new AdminResponse(200, new Disconnected(jid.toString(), action));
    }

    private AdminResponse faults(String jidText, byte[] body) {
        Jid jid;
        try {
            jid = Jid.parse(jidText);
        } catch (ProtocolException e) {
            return AdminResponse.error(400, "invalid-jid", e.getMessage());
        }
        Optional<JsonNode> parsed = Endpoints.object(body == null ? new byte[0] : body);
        if (parsed.isEmpty()) {
            return Endpoints.invalidJson();
        }
        JsonNode json = parsed.get();
        boolean clear = json.path("clear").asBoolean(false);
        JsonNode delay = json.path("delayMillis");
        JsonNode drop = json.path("dropNext");
        JsonNode dropMessagesField = json.path("dropMessages");
        if (!clear && delay.isMissingNode() && drop.isMissingNode() && dropMessagesField.isMissingNode()) {
            return AdminResponse.error(400, "invalid-fault",
                    "body needs \"delayMillis\", \"dropNext\", \"dropMessages\" or \"clear\": true");
        }
        if (!delay.isMissingNode() && (!delay.canConvertToLong() || !delay.isIntegralNumber()
                || delay.asLong() < 0 || delay.asLong() > MAX_DELAY_MILLIS)) {
            return AdminResponse.error(400, "invalid-fault", "\"delayMillis\" must be an integer 0.." + MAX_DELAY_MILLIS);
        }
        if (!drop.isMissingNode() && (!drop.isIntegralNumber() || !drop.canConvertToInt() || drop.asInt() < 0)) {
            return AdminResponse.error(400, "invalid-fault", "\"dropNext\" must be a non-negative integer");
        }
        if (!dropMessagesField.isMissingNode() && (!dropMessagesField.isIntegralNumber()
                || !dropMessagesField.canConvertToInt() || dropMessagesField.asInt() < 0)) {
            return AdminResponse.error(400, "invalid-fault", "\"dropMessages\" must be a non-negative integer");
        }
        Optional<ChatConnection> connection = sessions.connection(jid);
        if (connection.isEmpty()) {
            return AdminResponse.error(404, "device-offline", jid + " is not connected");
        }
        long delayMillis = clear ? 0 : delay.asLong(0);
        int dropNext = clear ? 0 : drop.asInt(0);
        int dropMessages = clear ? 0 : dropMessagesField.asInt(0);
        ChatConnection c = connection.get();
        c.execute(() -> c.injectFaults(Duration.ofMillis(delayMillis), dropNext, dropMessages));
        return new AdminResponse(200, new Faults(jid.toString(), delayMillis, dropNext, dropMessages));
    }

    record Faults(String jid, long delayMillis, int dropNext, int dropMessages) {
    }

    record Disconnected(String jid, String action) {
    }
}
