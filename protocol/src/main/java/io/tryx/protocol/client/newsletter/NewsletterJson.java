package io.tryx.protocol.client.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;

/**
 * Reads the server's newsletter JSON: {@code {"id","state":{"type"},"thread_metadata":{"name":{"text"},
 * "description":{"text"},"invite","creation_time","subscribers_count","verification"},"viewer_metadata":{"mute","role"}}}
 * (numbers come as strings).
 */
final class NewsletterJson {

    private NewsletterJson() {
    }

    static NewsletterMetadata metadata(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "newsletter metadata is not an object");
        }
        String id = json.path("id").asText("");
        if (id.isEmpty()) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "newsletter metadata without id");
        }
        Jid jid = Jid.parse(id);
        if (!jid.isNewsletter()) {
            throw new ProtocolException(ProtocolException.Reason.INVALID_JID, "not a newsletter: " + id);
        }
        JsonNode thread = json.path("thread_metadata");
        JsonNode viewer = json.path("viewer_metadata");
        NewsletterMetadata.Viewer seen = viewer.isObject()
                ? new NewsletterMetadata.Viewer("on".equalsIgnoreCase(viewer.path("mute").asText()),
                NewsletterRole.of(viewer.path("role").asText(null)))
                : null;
        return new NewsletterMetadata(jid, thread.path("name").path("text").asText(""),
                thread.path("description").path("text").asText(""), thread.path("invite").asText(""),
                Instant.ofEpochSecond(number(thread.path("creation_time"))), number(thread.path("subscribers_count")),
                "verified".equalsIgnoreCase(thread.path("verification").asText()),
                json.path("state").path("type").asText("ACTIVE"), seen);
    }

    /** A number the server sends as a string or a number; 0 when absent. */
    private static long number(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return value.isTextual() ? Long.parseLong(value.asText()) : 0;
        } catch (NumberFormatException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "not a number: " + value);
        }
    }
}
