package io.tryx.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.simulator.phone.PhoneMessage;

/**
 * Reads the body of {@code POST /admin/accounts/{phone}/messages} into a {@link PhoneMessage}: {@code "type"}
 * (default {@code text}) and its fields:
 * <ul>
 *   <li>{@code text}: {@code "text"}</li>
 *   <li>{@code location}: {@code "latitude"}, {@code "longitude"} (numbers), optional {@code "name"}</li>
 *   <li>{@code contact}: {@code "displayName"}, {@code "vcard"}</li>
 *   <li>{@code reaction}: {@code "targetId"}, {@code "emoji"} (empty removes the reaction)</li>
 *   <li>{@code edit}: {@code "targetId"}, {@code "text"}</li>
 *   <li>{@code revoke}: {@code "targetId"}</li>
 * </ul>
 */
final class PhoneMessages {

    private PhoneMessages() {
    }

    /** A body that names no known kind or misses a field: the error code and what is wrong. */
    static final class InvalidMessage extends RuntimeException {
        private final String code;

        InvalidMessage(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    static PhoneMessage parse(JsonNode json) {
        String type = json.path("type").asText("text");
        return switch (type) {
            case "text" -> new PhoneMessage.Text(text(json));
            case "location" -> new PhoneMessage.Location(coordinate(json, "latitude", 90), coordinate(json, "longitude", 180),
                    json.path("name").isTextual() ? json.path("name").asText() : null);
            case "contact" -> new PhoneMessage.Contact(string(json, "displayName", false), string(json, "vcard", false));
            case "reaction" -> new PhoneMessage.Reaction(string(json, "targetId", false), string(json, "emoji", true));
            case "edit" -> new PhoneMessage.Edit(string(json, "targetId", false), text(json));
            case "revoke" -> new PhoneMessage.Revoke(string(json, "targetId", false));
            default -> throw new InvalidMessage("invalid-type",
                    "\"type\" must be text, location, contact, reaction, edit or revoke, not " + type);
        };
    }

    private static String text(JsonNode json) {
        JsonNode text = json.path("text");
        if (!text.isTextual() || text.asText().isEmpty()) {
            throw new InvalidMessage("invalid-text", "\"text\" must be a non-empty string");
        }
        return text.asText();
    }

    private static String string(JsonNode json, String field, boolean mayBeEmpty) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || (!mayBeEmpty && value.asText().isEmpty())) {
            throw new InvalidMessage("invalid-field", "\"" + field + "\" must be a " + (mayBeEmpty ? "" : "non-empty ") + "string");
        }
        return value.asText();
    }

    private static double coordinate(JsonNode json, String field, double limit) {
        JsonNode value = json.path(field);
        if (!value.isNumber() || Math.abs(value.asDouble()) > limit) {
            throw new InvalidMessage("invalid-field", "\"" + field + "\" must be a number within ±" + (int) limit);
        }
        return value.asDouble();
    }
}
