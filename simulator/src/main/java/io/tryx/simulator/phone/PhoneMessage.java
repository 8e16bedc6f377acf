package io.tryx.simulator.phone;

import java.util.Objects;

/**
 * A message the mock phone sends on the admin API's behalf, one record per kind. Reactions, edits and revokes
 * name their target by id: a message the phone sent or received (edits and revokes: one it sent).
 */
public sealed interface PhoneMessage {

    /** The kind as the admin API and the inbox name it. */
    String type();

    /** A plain text ({@code conversation}). */
    record Text(String text) implements PhoneMessage {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /** A static location ({@code locationMessage}); {@code name} may be null. */
    record Location(double latitude, double longitude, String name) implements PhoneMessage {
        @Override
        public String type() {
            return "location";
        }
    }

    /** A shared contact card ({@code contactMessage}). */
    record Contact(String displayName, String vcard) implements PhoneMessage {
        public Contact {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(vcard, "vcard");
        }

        @Override
        public String type() {
            return "contact";
        }
    }

    /** A reaction to a message ({@code reactionMessage}); an empty emoji removes the phone's reaction. */
    record Reaction(String targetId, String emoji) implements PhoneMessage {
        public Reaction {
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(emoji, "emoji");
        }

        @Override
        public String type() {
            return "reaction";
        }
    }

    /** A new text for a message the phone sent ({@code protocolMessage MESSAGE_EDIT}). */
    record Edit(String targetId, String text) implements PhoneMessage {
        public Edit {
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "edit";
        }
    }

    /** Deletes a message the phone sent, for everyone ({@code protocolMessage REVOKE}). */
    record Revoke(String targetId) implements PhoneMessage {
        public Revoke {
            Objects.requireNonNull(targetId, "targetId");
        }

        @Override
        public String type() {
            return "revoke";
        }
    }
}
