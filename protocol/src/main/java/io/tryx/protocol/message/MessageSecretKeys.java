package io.tryx.protocol.message;

import io.tryx.protocol.crypto.AesGcm;
import io.tryx.protocol.crypto.Hkdf;

import java.nio.charset.StandardCharsets;

/**
 * Keys derived from the 32-byte {@code messageSecret} a message carries, so that later modifications of
 * it (poll votes, encrypted reactions, edits, ...) are readable only by those who saw the original:
 * {@code HKDF-SHA256(secret, info = originalId || originalSender || modificationSender || label, 32)},
 * with senders in their non-device JID form. Payloads are AES-256-GCM with a 12-byte IV.
 */
public final class MessageSecretKeys {

    private MessageSecretKeys() {
    }

    /** A derived key and the associated data its ciphertexts are bound to (empty when none). */
    public record DerivedKey(byte[] key, byte[] associatedData) {

        public byte[] encrypt(byte[] iv12, byte[] plaintext) {
            return new AesGcm(key).encrypt(iv12, associatedData, plaintext);
        }

        /** Decrypts; a wrong key, sender or tampered payload is a {@code ProtocolException}. */
        public byte[] decrypt(byte[] iv12, byte[] ciphertext) {
            return new AesGcm(key).decrypt(iv12, associatedData, ciphertext);
        }
    }

    /**
     * Derives the key for one modification. {@code originalSender} and {@code modificationSender} are
     * user JIDs without device (e.g. {@code 123@s.whatsapp.net} or {@code 456@lid}).
     */
    public static DerivedKey derive(MessageSecretUseCase useCase, byte[] messageSecret, String originalId,
                                    String originalSender, String modificationSender) {
        byte[] info = (originalId + originalSender + modificationSender + useCase.label())
                .getBytes(StandardCharsets.UTF_8);
        byte[] key = Hkdf.derive(messageSecret, null, info, 32);
        byte[] aad = useCase.bindsSender()
                ? (originalId + "\u0000" + modificationSender).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        return new DerivedKey(key, aad);
    }
}
