package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Optional;

/** A group of admin endpoints: answers the paths it owns, empty for the others. */
interface Endpoints {

    Optional<AdminResponse> handle(String method, String path, byte[] body);

    /** The body as a JSON object, or empty when it is not one. */
    static Optional<JsonNode> object(byte[] body) {
        try {
            JsonNode json = body.length == 0 ? null : AdminApi.JSON.readTree(body);
            return Optional.ofNullable(json).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static AdminResponse methodNotAllowed(String method, String path) {
        return AdminResponse.error(405, "method-not-allowed", method + " " + path);
    }

    static AdminResponse invalidJson() {
        return AdminResponse.error(400, "invalid-json", "body must be a JSON object");
    }

    static AdminResponse unknownAccount(String phone) {
        return AdminResponse.error(404, "unknown-account", "no account " + phone);
    }
}
