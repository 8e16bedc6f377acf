package io.tryx.protocol.client.contacts;

/** Which rendition of a profile picture: the full image (640x640) or the small preview (96x96). */
public enum PictureKind {
    FULL("image"), PREVIEW("preview");

    private final String wire;

    PictureKind(String wire) {
        this.wire = wire;
    }

    /** The {@code type} attribute on the wire. */
    public String wire() {
        return wire;
    }

    static PictureKind fromWire(String type) {
        return type.equals(PREVIEW.wire) ? PREVIEW : FULL;
    }
}
