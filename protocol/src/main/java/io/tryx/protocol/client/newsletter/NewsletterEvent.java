package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What arrives for the newsletters the account follows, reported to {@link NewsletterListener}s in order per newsletter. */
public sealed interface NewsletterEvent {

    /** The newsletter the event is about. */
    Jid newsletter();

    /**
     * A post of a followed newsletter (or of ours, posted from another device).
     *
     * @param newsletter the newsletter
     * @param id         the message id its author gave it
     * @param serverId   the server's number of the post (what reactions name)
     * @param at         when it was posted
     * @param message    the content (newsletter posts are not end-to-end encrypted)
     */
    record PostReceived(Jid newsletter, String id, long serverId, Instant at, E2EProto.Message message)
            implements NewsletterEvent {
        public PostReceived {
            Objects.requireNonNull(newsletter, "newsletter");
            Objects.requireNonNull(message, "message");
        }

        /** The text of a text post, empty otherwise. */
        public String text() {
            return textOf(message);
        }
    }

    /**
     * New reaction counts of a post, pushed while we are subscribed to the newsletter's live updates
     * ({@link Newsletters#subscribeLiveUpdates}).
     */
    record ReactionsChanged(Jid newsletter, long serverId, Map<String, Integer> counts) implements NewsletterEvent {
        public ReactionsChanged {
            Objects.requireNonNull(newsletter, "newsletter");
            counts = Map.copyOf(counts);
        }
    }

    /** The text of a text message, empty otherwise. */
    static String textOf(E2EProto.Message message) {
        if (message == null) {
            return "";
        }
        return message.hasExtendedTextMessage() ? message.getExtendedTextMessage().getText() : message.getConversation();
    }
}
