package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.proto.E2EProto;

import java.time.Instant;
import java.util.Map;

/**
 * A post of a newsletter as fetched from the server.
 *
 * @param serverId  the server's number of the post in its newsletter (what reactions name)
 * @param id        the message id its author gave it
 * @param type      the message type ({@code text}, {@code media}, ...)
 * @param at        when it was posted
 * @param views     how many viewed it
 * @param reactions how many reacted with each emoji
 * @param message   the content; null when the server sent none (a deleted post)
 */
public record NewsletterPost(long serverId, String id, String type, Instant at, int views, Map<String, Integer> reactions,
                             E2EProto.Message message) {

    public NewsletterPost {
        reactions = Map.copyOf(reactions);
    }

    /** The text of a text post, empty otherwise. */
    public String text() {
        return NewsletterEvent.textOf(message);
    }
}
