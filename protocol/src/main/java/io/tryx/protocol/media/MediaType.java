package io.tryx.protocol.media;

/**
 * The kinds of media WhatsApp encrypts, each with the HKDF label its keys are expanded with and the
 * media type name used in upload paths ({@code /mms/<name>}). Stickers, GIFs, voice notes and round
 * videos share the keys of their base kind.
 */
public enum MediaType {
    IMAGE("Image", "image"),
    VIDEO("Video", "video"),
    AUDIO("Audio", "audio"),
    DOCUMENT("Document", "document"),
    STICKER("Image", "image"),
    GIF("Video", "video"),
    VOICE_NOTE("Audio", "audio"),
    ROUND_VIDEO("Video", "video"),
    HISTORY("History", "md-msg-hist"),
    APP_STATE("App State", "md-app-state"),
    LINK_THUMBNAIL("Link Thumbnail", "thumbnail-link"),
    STICKER_PACK("Sticker Pack", "sticker-pack"),
    PRODUCT_IMAGE("Image", "product-catalog-image"),
    PAYMENT_BACKGROUND("Payment Background", "payment-bg-image");

    private final String hkdfInfo;
    private final String uploadType;

    MediaType(String label, String uploadType) {
        this.hkdfInfo = "WhatsApp " + label + " Keys";
        this.uploadType = uploadType;
    }

    /** The HKDF info string, e.g. {@code "WhatsApp Image Keys"}. */
    public String hkdfInfo() {
        return hkdfInfo;
    }

    /** The media type segment of upload URLs, e.g. {@code image} in {@code /mms/image/<token>}. */
    public String uploadType() {
        return uploadType;
    }

    /** Audio and video are streamed while downloading, so their uploads carry a streaming sidecar. */
    public boolean streamable() {
        return this == VIDEO || this == AUDIO || this == GIF || this == VOICE_NOTE || this == ROUND_VIDEO;
    }
}
