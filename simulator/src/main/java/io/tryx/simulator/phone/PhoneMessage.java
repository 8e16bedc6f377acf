package io.tryx.simulator.phone;

import java.util.List;
import java.util.Objects;

/**
 * A message the mock phone sends on the admin API's behalf, one record per kind. Reactions, edits and revokes
 * name their target by id: a message the phone sent or received (edits and revokes: one it sent); a vote names a
 * poll the phone created or received.
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

    /**
     * A media message ({@code imageMessage}, {@code videoMessage}, {@code audioMessage}, {@code documentMessage},
     * {@code stickerMessage}): the phone encrypts the bytes of {@code source}, uploads them to the media host and
     * sends the keys. {@code caption}, {@code fileName} and {@code jpegThumbnail} may be null; {@code ptt} marks
     * an audio as a voice note.
     */
    record Media(MediaKind kind, MediaSource source, String mimetype, String caption, String fileName, boolean ptt,
                 byte[] jpegThumbnail) implements PhoneMessage {
        public Media {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(mimetype, "mimetype");
            if (ptt && kind != MediaKind.AUDIO) {
                throw new IllegalArgumentException("only an audio can be a voice note");
            }
        }

        @Override
        public String type() {
            return kind.type();
        }
    }

    /**
     * A poll ({@code pollCreationMessageV3} when one option may be chosen, {@code pollCreationMessage} otherwise,
     * as WhatsApp Web sends them) with a fresh 32-byte {@code messageSecret}; {@code selectableCount} 0 means any
     * number of options.
     */
    record Poll(String name, List<String> options, int selectableCount) implements PhoneMessage {
        public Poll {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
            if (options.size() < 2 || options.stream().distinct().count() != options.size()) {
                throw new IllegalArgumentException("a poll has at least two distinct options");
            }
            if (selectableCount < 0 || selectableCount > options.size()) {
                throw new IllegalArgumentException("selectableCount must be within 0.." + options.size());
            }
        }

        @Override
        public String type() {
            return "poll";
        }
    }

    /**
     * A vote on poll {@code pollId} ({@code pollUpdateMessage}, the choice encrypted with the poll's secret);
     * {@code pollChat}, when not null, is the chat the poll is in. No options withdraws the phone's vote.
     */
    record Vote(String pollId, String pollChat, List<String> options) implements PhoneMessage {
        public Vote {
            Objects.requireNonNull(pollId, "pollId");
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "vote";
        }
    }
}
