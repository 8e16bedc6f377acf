package io.tryx.simulator.phone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * A message the mock phone received and decrypted, as {@code GET /admin/accounts/{phone}/inbox} shows it:
 * {@code type} is {@code text}, {@code location}, {@code contact}, {@code reaction}, {@code edit}, {@code revoke},
 * a media kind ({@code image}, {@code video}, {@code audio}, {@code document}, {@code sticker}), {@code poll},
 * {@code vote}, {@code protocol} or {@code unknown}. The fields of the kind's part appear at the top level of the
 * JSON; the parts of other kinds are null and left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxEntry(String id, String from, String chat, String type, String text,
                         @JsonUnwrapped Location location, @JsonUnwrapped Contact contact, @JsonUnwrapped Target target,
                         @JsonUnwrapped Media media, @JsonUnwrapped Poll poll, @JsonUnwrapped Vote vote) {

    /** An entry of kind {@code type} with no fields beyond the text. */
    public InboxEntry(String id, String from, String chat, String type, String text) {
        this(id, from, chat, type, text, null, null, null, null, null, null);
    }

    /** A static location. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(Double latitude, Double longitude, String name) {
    }

    /** A shared contact card. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String displayName, String vcard) {
    }

    /** The message a reaction, edit or revoke is about; {@code emoji} for reactions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String targetId, Boolean targetFromMe, String emoji) {
    }

    /**
     * A media file: what the message declares ({@code mimetype}, {@code caption}, {@code fileName}, {@code ptt})
     * and, once downloaded from the media host and decrypted with its MAC and hashes checked, the plaintext's
     * {@code size} and {@code sha256} (hex); {@code mediaError} says why that failed instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String mimetype, Long size, String sha256, String caption, String fileName, Boolean ptt,
                        String mediaError) {
    }

    /** A poll: its question, options and how many may be chosen (0: any number). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Poll(String name, List<String> options, Integer selectableCount) {
    }

    /** A vote on poll {@code pollId}: the chosen option names, or {@code voteError} when it could not be opened. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vote(String pollId, List<String> options, String voteError) {
    }

    InboxEntry with(String newType, String newText) {
        return new InboxEntry(id, from, chat, newType, newText, location, contact, target, media, poll, vote);
    }

    InboxEntry with(Location part) {
        return new InboxEntry(id, from, chat, type, text, part, contact, target, media, poll, vote);
    }

    InboxEntry with(Contact part) {
        return new InboxEntry(id, from, chat, type, text, location, part, target, media, poll, vote);
    }

    InboxEntry with(Target part) {
        return new InboxEntry(id, from, chat, type, text, location, contact, part, media, poll, vote);
    }

    InboxEntry with(Media part) {
        return new InboxEntry(id, from, chat, type, text, location, contact, target, part, poll, vote);
    }

    InboxEntry with(Poll part) {
        return new InboxEntry(id, from, chat, type, text, location, contact, target, media, part, vote);
    }

    InboxEntry with(Vote part) {
        return new InboxEntry(id, from, chat, type, text, location, contact, target, media, poll, part);
    }
}
