package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.AesGcm;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.crypto.Hkdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The symmetric half of {@code Noise_XX_25519_AESGCM_SHA256} exactly as WhatsApp runs it: the 32-byte
 * protocol name is the initial handshake hash and chaining key (no hashing, it is already 32 bytes),
 * MixKey is HKDF-SHA256 keyed by the chaining key producing the next chaining key and a cipher key,
 * handshake payloads are AES-GCM with the running hash as AAD and a per-key counter as nonce, and
 * split yields the client's write key followed by its read key. Shared by both handshake roles.
 */
final class SymmetricState {

    /** {@code Noise_XX_25519_AESGCM_SHA256} padded with four NUL bytes to exactly 32 bytes. */
    static final byte[] PROTOCOL_NAME =
            "Noise_XX_25519_AESGCM_SHA256\0\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256 = Digests.sha256();
    private final byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
    private byte[] hash;
    private byte[] chainingKey;
    private AesGcm cipher;
    private int counter;

    SymmetricState() {
        this.hash = PROTOCOL_NAME.clone();
        this.chainingKey = PROTOCOL_NAME.clone();
    }

    /** The running handshake hash {@code h}. */
    byte[] handshakeHash() {
        return hash.clone();
    }

    /** {@code h = SHA-256(h || data)}: binds the connection header, public keys and ciphertexts. */
    void mixHash(byte[] data) {
        sha256.update(hash);
        sha256.update(data);
        hash = sha256.digest();
    }

    /** Mixes a Diffie-Hellman result in: new chaining key and cipher key, counter back to zero. */
    void mixKey(byte[] inputKeyMaterial) {
        byte[] output = Hkdf.derive(inputKeyMaterial, chainingKey, (byte[]) null, 64);
        chainingKey = Arrays.copyOfRange(output, 0, 32);
        cipher = new AesGcm(Arrays.copyOfRange(output, 32, 64));
        counter = 0;
        Arrays.fill(output, (byte) 0);
    }

    /** X25519 of our private key and their public key, mixed in as a key. */
    void mixDiffieHellman(byte[] privateKey, byte[] peerPublicKey) {
        byte[] secret = Curve25519.sharedSecret(privateKey, peerPublicKey);
        mixKey(secret);
        Arrays.fill(secret, (byte) 0);
    }

    /** Encrypts with the handshake hash as AAD, then mixes the ciphertext into the hash. */
    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = requireCipher().encrypt(nextNonce(), hash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    /** Decrypts with the handshake hash as AAD (AUTHENTICATION_FAILED on any change), then mixes the ciphertext in. */
    byte[] decryptAndHash(byte[] ciphertext) {
        byte[] plaintext = requireCipher().decrypt(nextNonce(), hash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    /** The two transport keys: index 0 is the client's write key, index 1 the client's read key. */
    byte[][] split() {
        byte[] output = Hkdf.derive(new byte[0], chainingKey, (byte[]) null, 64);
        byte[][] keys = {Arrays.copyOfRange(output, 0, 32), Arrays.copyOfRange(output, 32, 64)};
        Arrays.fill(output, (byte) 0);
        Arrays.fill(chainingKey, (byte) 0);
        return keys;
    }

    private AesGcm requireCipher() {
        if (cipher == null) {
            throw new ProtocolException(ProtocolException.Reason.HANDSHAKE_FAILED, "no key mixed in before encryption");
        }
        return cipher;
    }

    private byte[] nextNonce() {
        TransportCipher.writeCounter(nonce, counter++);
        return nonce;
    }
}
