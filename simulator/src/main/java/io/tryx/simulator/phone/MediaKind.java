package io.tryx.simulator.phone;

import io.tryx.protocol.media.MediaType;

import java.util.Arrays;
import java.util.Optional;

/**
 * The media kinds the mock phone sends and shows in its inbox, with the name the admin API and the inbox use,
 * the {@link MediaType} whose HKDF label encrypts them and a default MIME type.
 */
public enum MediaKind {
    IMAGE("image", MediaType.IMAGE, "image/jpeg"),
    VIDEO("video", MediaType.VIDEO, "video/mp4"),
    AUDIO("audio", MediaType.AUDIO, "audio/ogg; codecs=opus"),
    DOCUMENT("document", MediaType.DOCUMENT, "application/octet-stream"),
    STICKER("sticker", MediaType.STICKER, "image/webp");

    private final String type;
    private final MediaType mediaType;
    private final String defaultMimetype;

    MediaKind(String type, MediaType mediaType, String defaultMimetype) {
        this.type = type;
        this.mediaType = mediaType;
        this.defaultMimetype = defaultMimetype;
    }

    /** The kind's name: {@code image}, {@code video}, {@code audio}, {@code document}, {@code sticker}. */
    public String type() {
        return type;
    }

    /** The media type the keys are expanded for (a voice note uses the audio keys under its own name). */
    public MediaType mediaType(boolean ptt) {
        return ptt ? MediaType.VOICE_NOTE : mediaType;
    }

    public String defaultMimetype() {
        return defaultMimetype;
    }

    /** The kind named {@code type}, if any. */
    public static Optional<MediaKind> of(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }
}
