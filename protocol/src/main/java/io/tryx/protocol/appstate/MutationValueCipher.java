package io.tryx.protocol.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Aes;
import io.tryx.protocol.crypto.ConstantTime;

import java.util.Arrays;

/**
 * Seals and opens the value blob of one app-state mutation: {@code iv(16) || AES-256-CBC(value
 * encryption key, iv, SyncActionData) || value MAC(32)}, the MAC covering iv and ciphertext together
 * with the operation and key id (see {@link AppStateMacs#valueMac}).
 */
public final class MutationValueCipher {

    private static final int IV_LENGTH = 16;

    private MutationValueCipher() {
    }

    /** Encrypts and MACs a serialized SyncActionData with the caller's random 16-byte IV. */
    public static byte[] seal(MutationOperation operation, byte[] plaintext, byte[] keyId, AppStateKeys keys, byte[] iv) {
        if (iv.length != IV_LENGTH) {
            throw new IllegalArgumentException("value IV must be 16 bytes");
        }
        byte[] ciphertext = Aes.cbcEncrypt(keys.valueEncryption(), iv, plaintext);
        byte[] content = new byte[IV_LENGTH + ciphertext.length];
        System.arraycopy(iv, 0, content, 0, IV_LENGTH);
        System.arraycopy(ciphertext, 0, content, IV_LENGTH, ciphertext.length);
        byte[] mac = AppStateMacs.valueMac(operation, content, keyId, keys.valueMac());
        byte[] blob = Arrays.copyOf(content, content.length + mac.length);
        System.arraycopy(mac, 0, blob, content.length, mac.length);
        return blob;
    }

    /** Verifies the value MAC and decrypts; a forged or damaged blob is a typed error. */
    public static byte[] open(MutationOperation operation, byte[] blob, byte[] keyId, AppStateKeys keys) {
        if (blob == null || blob.length < IV_LENGTH + Aes.BLOCK + AppStateMacs.VALUE_MAC_LENGTH) {
            throw new ProtocolException(Reason.TRUNCATED, "app-state value blob too short");
        }
        byte[] content = Arrays.copyOf(blob, blob.length - AppStateMacs.VALUE_MAC_LENGTH);
        byte[] expected = AppStateMacs.valueMac(operation, content, keyId, keys.valueMac());
        if (!ConstantTime.equals(expected, valueMacOf(blob))) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "app-state value MAC mismatch");
        }
        return Aes.cbcDecrypt(keys.valueEncryption(), Arrays.copyOf(content, IV_LENGTH),
                Arrays.copyOfRange(content, IV_LENGTH, content.length));
    }

    /** The trailing value MAC of a blob (what LTHash and the patch MAC consume). */
    public static byte[] valueMacOf(byte[] blob) {
        if (blob == null || blob.length < AppStateMacs.VALUE_MAC_LENGTH) {
            throw new ProtocolException(Reason.TRUNCATED, "app-state value blob too short");
        }
        return Arrays.copyOfRange(blob, blob.length - AppStateMacs.VALUE_MAC_LENGTH, blob.length);
    }
}
