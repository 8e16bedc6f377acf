package io.tryx.bridge.cli;

import io.tryx.commands.v1.MediaSource;
import io.tryx.commands.v1.MediaUrl;
import io.tryx.commands.v1.OutgoingAudio;
import io.tryx.commands.v1.OutgoingDocument;
import io.tryx.commands.v1.OutgoingImage;
import io.tryx.commands.v1.OutgoingSticker;
import io.tryx.commands.v1.OutgoingVideo;
import io.tryx.common.v1.TextContent;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Locale;

/**
 * What {@code tryx send} sends: a text, or a file the bridge fetches from an http(s) URL as an image, video, audio,
 * voice note, document or sticker ({@code --kind}, else guessed from the URL's file extension).
 */
final class SendContent {

    /** The kinds of media {@code --kind} names. */
    enum Kind { IMAGE, VIDEO, AUDIO, VOICE, DOCUMENT, STICKER }

    /** Exactly one of the two. */
    static final class Body {
        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The text.")
        String text;

        @Option(names = "--media", required = true, paramLabel = "URL",
                description = "An http(s) URL of a file the bridge fetches, uploads and sends (it must reach a public "
                        + "address unless the bridge allows private networks).")
        String media;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Body body;

    @Option(names = "--kind", paramLabel = "KIND", description = "With --media: ${COMPLETION-CANDIDATES} "
            + "(default: from the URL's extension, e.g. .jpg/.png image, .mp4 video, .ogg/.mp3 audio, .webp sticker, "
            + "else document).", converter = KindConverter.class)
    Kind kind;

    @Option(names = "--caption", paramLabel = "TEXT", description = "With --media: caption of an image, video or document.")
    String caption;

    @Option(names = "--file-name", paramLabel = "NAME", description = "With --media: a document's file name (default: "
            + "the last segment of the URL's path).")
    String fileName;

    @Option(names = "--mimetype", paramLabel = "TYPE", description = "With --media: the file's MIME type (default: "
            + "what the URL's server reports).")
    String mimetype;

    /** The {@code content} of the SendMessage. */
    Object content() {
        if (body.text != null) {
            return TextContent.newBuilder().setText(body.text).build();
        }
        URI url = URI.create(body.media.trim());
        MediaSource source = MediaSource.newBuilder().setLocation(MediaUrl.newBuilder().setUrl(body.media.trim()).build())
                .setMimetype(mimetype).build();
        String name = lastSegment(url);
        return switch (kind != null ? kind : guess(name)) {
            case IMAGE -> OutgoingImage.newBuilder().setMedia(source).setCaption(caption).build();
            case VIDEO -> OutgoingVideo.newBuilder().setMedia(source).setCaption(caption).build();
            case AUDIO -> OutgoingAudio.newBuilder().setMedia(source).setVoice(false).build();
            case VOICE -> OutgoingAudio.newBuilder().setMedia(source).setVoice(true).build();
            case STICKER -> OutgoingSticker.newBuilder().setMedia(source).build();
            case DOCUMENT -> OutgoingDocument.newBuilder().setMedia(source).setCaption(caption)
                    .setFileName(fileName != null ? fileName : name.isEmpty() ? "file" : name).build();
        };
    }

    /** The kind a file name's extension suggests. */
    static Kind guess(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "jpg", "jpeg", "png" -> Kind.IMAGE;
            case "mp4", "3gp", "mov" -> Kind.VIDEO;
            case "ogg", "opus", "mp3", "m4a", "aac", "amr" -> Kind.AUDIO;
            case "webp" -> Kind.STICKER;
            default -> Kind.DOCUMENT;
        };
    }

    private static String lastSegment(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code --kind} case-insensitively. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
