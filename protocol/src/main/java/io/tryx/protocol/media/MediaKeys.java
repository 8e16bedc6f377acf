package io.tryx.protocol.media;

import io.tryx.protocol.crypto.Hkdf;

import java.util.Arrays;

/**
 * The keys a 32-byte media key expands to: HKDF-SHA256 with the type's label gives 112 bytes,
 * split into IV (16), cipher key (32), MAC key (32) and a reference key (32) that nothing uses yet.
 */
public record MediaKeys(byte[] iv, byte[] cipherKey, byte[] macKey, byte[] refKey) {

    public static final int MEDIA_KEY_LENGTH = 32;

    /** Expands a media key for one media type. */
    public static MediaKeys expand(byte[] mediaKey, MediaType type) {
        if (mediaKey == null || mediaKey.length != MEDIA_KEY_LENGTH) {
            throw new IllegalArgumentException("a media key is 32 bytes");
        }
        byte[] expanded = Hkdf.derive(mediaKey, null, type.hkdfInfo(), 112);
        return new MediaKeys(Arrays.copyOfRange(expanded, 0, 16), Arrays.copyOfRange(expanded, 16, 48),
                Arrays.copyOfRange(expanded, 48, 80), Arrays.copyOfRange(expanded, 80, 112));
    }
}
