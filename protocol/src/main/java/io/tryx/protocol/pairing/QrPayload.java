package io.tryx.protocol.pairing;

import java.util.Base64;

/**
 * The text a linking QR code carries: {@code ref,base64(noise public),base64(identity public),
 * base64(ADV secret),platform}, optionally behind WhatsApp's deep-link prefix, as the phone's scanner
 * expects. Parsing is what the simulator's mock phone does when it "scans".
 */
public record QrPayload(String ref, byte[] noisePublic, byte[] identityPublic, byte[] advSecret, String platform) {

    public static final String LINK_PREFIX = "https://wa.me/settings/linked_devices#";

    /** The QR text without the deep-link prefix. */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return String.join(",", ref, b64.encodeToString(noisePublic), b64.encodeToString(identityPublic),
                b64.encodeToString(advSecret), platform);
    }

    /** The QR text with the deep-link prefix (what recent clients render). */
    public String encodeAsLink() {
        return LINK_PREFIX + encode();
    }

    /** Parses either form; a malformed text is a typed error. */
    public static QrPayload parse(String text) {
        String body = text.startsWith(LINK_PREFIX) ? text.substring(LINK_PREFIX.length()) : text;
        String[] parts = body.split(",", -1);
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw new io.tryx.protocol.ProtocolException(io.tryx.protocol.ProtocolException.Reason.MALFORMED,
                    "a pairing QR has 5 comma-separated parts");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new QrPayload(parts[0], b64.decode(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]), parts[4]);
        } catch (IllegalArgumentException e) {
            throw new io.tryx.protocol.ProtocolException(io.tryx.protocol.ProtocolException.Reason.MALFORMED,
                    "a pairing QR part is not base64", e);
        }
    }
}
