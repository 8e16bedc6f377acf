package io.tryx.simulator.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.login.ClientVersion;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.admin.AdminResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The version endpoints on the admin port. {@code GET /sw.js}: a service worker script carrying the current version's
 * revision the way WhatsApp Web's does (inside escaped JSON: {@code \"client_revision\":N}), for clients that refresh
 * their version from it. {@code GET /admin/config} -> {@code {"minVersion","webVersion"}}; {@code POST /admin/config
 * {"minVersion"?,"webVersion"?}} sets them ({@code "a.b.c"}; a minimum above the web version raises it) and answers the
 * new values; 400 {@code invalid-json} / {@code invalid-version} (nothing changed then). Other methods 405.
 */
public final class VersionEndpoints implements AdminEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebVersions versions;

    public VersionEndpoints(WebVersions versions) {
        this.versions = versions;
    }

    @Override
    public Optional<AdminResponse> handle(String method, String path, byte[] body) {
        return switch (path) {
            case "/sw.js" -> Optional.of(method.equals("GET") ? serviceWorker() : notAllowed(method, path));
            case "/admin/config" -> Optional.of(switch (method) {
                case "GET" -> config();
                case "POST" -> update(body);
                default -> notAllowed(method, path);
            });
            default -> Optional.empty();
        };
    }

    private AdminResponse serviceWorker() {
        ClientVersion current = versions.current();
        String script = "/*FB_PKG_DELIM*/\n"
                + "self.__swData=JSON.parse(/*BTDS*/\"{\\\"dynamic_data\\\":{\\\"SiteData\\\":{\\\"server_revision\\\":"
                + current.tertiary() + ",\\\"client_revision\\\":" + current.tertiary()
                + "}}}\");\nimportScripts(\"/sw-main.js\");\n";
        return new AdminResponse(200, new AdminResponse.Raw("application/javascript; charset=utf-8",
                script.getBytes(StandardCharsets.UTF_8)));
    }

    private AdminResponse config() {
        return new AdminResponse(200, new Config(versions.minimum().toString(), versions.current().toString()));
    }

    private AdminResponse update(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return AdminResponse.error(400, "invalid-json", "body must be a JSON object");
        }
        ClientVersion minimum;
        ClientVersion web;
        try {
            minimum = json.has("minVersion") ? ClientVersion.parse(json.get("minVersion").asText()) : null;
            web = json.has("webVersion") ? ClientVersion.parse(json.get("webVersion").asText()) : null;
        } catch (IllegalArgumentException e) {
            return AdminResponse.error(400, "invalid-version", e.getMessage());
        }
        synchronized (versions) {
            if (web != null && WebVersions.ORDER.compare(web, minimum != null ? minimum : versions.minimum()) < 0) {
                return AdminResponse.error(400, "invalid-version", "webVersion below minVersion");
            }
            if (minimum != null) {
                versions.minimum(minimum);
            }
            if (web != null) {
                versions.current(web);
            }
        }
        return config();
    }

    private static AdminResponse notAllowed(String method, String path) {
        return AdminResponse.error(405, "method-not-allowed", method + " " + path);
    }

    record Config(String minVersion, String webVersion) {
    }
}
