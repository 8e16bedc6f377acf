package io.tryx.protocol.client.media;

import io.tryx.protocol.media.MediaType;

import java.util.Objects;

/**
 * A media message to send: the file ({@link MediaSource}) and what the message says about it. Optional texts may
 * be null, dimensions and durations 0 when unknown, a thumbnail null or a small JPEG the caller made (it travels
 * inside the message, so keep it to a few kB).
 */
public sealed interface OutgoingMedia {

    MediaSource source();

    String mimetype();

    /** The media type the file is encrypted and uploaded as. */
    MediaType type();

    /** An image ({@code imageMessage}). */
    record Image(MediaSource source, String mimetype, String caption, int width, int height, byte[] jpegThumbnail)
            implements OutgoingMedia {
        public Image {
            require(source, mimetype);
            jpegThumbnail = copy(jpegThumbnail);
        }

        public static Image of(MediaSource source, String mimetype) {
            return new Image(source, mimetype, null, 0, 0, null);
        }

        @Override
        public MediaType type() {
            return MediaType.IMAGE;
        }
    }

    /** A video ({@code videoMessage}); {@code gifPlayback} plays it muted in a loop. */
    record Video(MediaSource source, String mimetype, String caption, int seconds, int width, int height,
                 byte[] jpegThumbnail, boolean gifPlayback) implements OutgoingMedia {
        public Video {
            require(source, mimetype);
            jpegThumbnail = copy(jpegThumbnail);
        }

        public static Video of(MediaSource source, String mimetype) {
            return new Video(source, mimetype, null, 0, 0, 0, null, false);
        }

        @Override
        public MediaType type() {
            return gifPlayback ? MediaType.GIF : MediaType.VIDEO;
        }
    }

    /** Audio ({@code audioMessage}); {@code voiceNote} sends it as a push-to-talk recording ({@code ptt}). */
    record Audio(MediaSource source, String mimetype, int seconds, boolean voiceNote) implements OutgoingMedia {
        public Audio {
            require(source, mimetype);
        }

        /** A voice note in WhatsApp's format: Opus in Ogg. */
        public static Audio voiceNote(MediaSource source, int seconds) {
            return new Audio(source, "audio/ogg; codecs=opus", seconds, true);
        }

        @Override
        public MediaType type() {
            return voiceNote ? MediaType.VOICE_NOTE : MediaType.AUDIO;
        }
    }

    /** A document ({@code documentMessage}; with a caption wrapped in {@code documentWithCaptionMessage}, as WhatsApp does). */
    record Document(MediaSource source, String mimetype, String fileName, String caption, byte[] jpegThumbnail)
            implements OutgoingMedia {
        public Document {
            require(source, mimetype);
            jpegThumbnail = copy(jpegThumbnail);
        }

        public static Document of(MediaSource source, String mimetype, String fileName) {
            return new Document(source, mimetype, fileName, null, null);
        }

        @Override
        public MediaType type() {
            return MediaType.DOCUMENT;
        }
    }

    /** A sticker ({@code stickerMessage}), usually {@code image/webp}. */
    record Sticker(MediaSource source, String mimetype, int width, int height, boolean animated) implements OutgoingMedia {
        public Sticker {
            require(source, mimetype);
        }

        public static Sticker webp(MediaSource source, int width, int height) {
            return new Sticker(source, "image/webp", width, height, false);
        }

        @Override
        public MediaType type() {
            return MediaType.STICKER;
        }
    }

    private static void require(MediaSource source, String mimetype) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mimetype, "mimetype");
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }
}
