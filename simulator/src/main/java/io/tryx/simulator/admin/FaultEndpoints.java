package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.login.DeviceSessions;

import java.io.IOException;
import java.net.URLDecoder;
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
 */
final class FaultEndpoints {

    private static final Pattern DISCONNECT = Pattern.compile("/admin/devices/([^/]+)/disconnect");

    private final DeviceSessions sessions;

    FaultEndpoints(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    /** The answer when {@code path} is a fault endpoint, empty otherwise. */
    Optional<AdminResponse> handle(String method, String path, byte[] body) {
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

    record Disconnected(String jid, String action) {
    }
}
