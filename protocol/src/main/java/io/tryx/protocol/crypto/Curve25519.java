package io.tryx.protocol.crypto;

import io.tryx.protocol.ProtocolException;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Curve25519 as WhatsApp and Signal use it: X25519 agreement and XEdDSA signatures made with the same
 * Montgomery key pair.
 *
 * <p>Signatures follow Signal's scheme: the Edwards public key is derived from the clamped private scalar,
 * its sign bit travels in the top bit of the signature's last byte, and the nonce is
 * {@code SHA-512(0xFE || 0xFF*31 || k || message || 64 random bytes)}. Verification maps the Montgomery
 * u-coordinate to Edwards y, restores the sign bit from the signature and runs a strict Ed25519 check
 * (BouncyCastle). Keys are raw 32-byte values; the 0x05 key-type prefix of Signal's wire format belongs
 * to the Signal layer.
 */
public final class Curve25519 {

    /** Length of keys, agreements and signature halves. */
    public static final int KEY_LENGTH = 32;
    /** Length of an XEdDSA signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

    private Curve25519() {
    }

    /** A fresh key pair from the default secure random source. */
    public static KeyPair generateKeyPair() {
        return generateKeyPair(DEFAULT_RANDOM);
    }

    /** A fresh key pair from the given random source. */
    public static KeyPair generateKeyPair(SecureRandom random) {
        byte[] privateKey = new byte[KEY_LENGTH];
        random.nextBytes(privateKey);
        return keyPairFromPrivate(privateKey);
    }

    /** The key pair for a private key; the scalar is clamped first, as X25519 would do. */
    public static KeyPair keyPairFromPrivate(byte[] privateKey) {
        byte[] clamped = checkKey(privateKey, "private key").clone();
        X25519.clampPrivateKey(clamped);
        byte[] publicKey = new byte[KEY_LENGTH];
        X25519.scalarMultBase(clamped, 0, publicKey, 0);
        return new KeyPair(publicKey, clamped);
    }

    /**
     * X25519 agreement. A peer key of small order yields the all-zero secret, which is refused: no honest
     * peer sends one and accepting it would let an attacker fix the shared secret.
     */
    public static byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) {
        checkKey(privateKey, "private key");
        checkKey(peerPublicKey, "public key");
        byte[] secret = new byte[KEY_LENGTH];
        if (!X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, secret, 0)) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "peer public key has small order");
        }
        return secret;
    }

    /** Signs with fresh randomness from the default source. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        byte[] random = new byte[64];
        DEFAULT_RANDOM.nextBytes(random);
        return sign(privateKey, message, random);
    }

    /** Signs with the caller's 64 random bytes (deterministic for tests and known-answer vectors). */
    public static byte[] sign(byte[] privateKey, byte[] message, byte[] random64) {
        Objects.requireNonNull(message, "message");
        if (random64 == null || random64.length != 64) {
            throw new IllegalArgumentException("XEdDSA needs 64 random bytes");
        }
        byte[] a = checkKey(privateKey, "private key").clone();
        X25519.clampPrivateKey(a);
        byte[] edPublic = Edwards25519.scalarMultBaseEncoded(a);
        int signBit = edPublic[31] & 0x80;

        Sha512 nonceHash = new Sha512();
        byte[] prefix = new byte[32];
        prefix[0] = (byte) 0xFE;
        java.util.Arrays.fill(prefix, 1, 32, (byte) 0xFF);
        nonceHash.update(prefix).update(a).update(message).update(random64);
        byte[] r = Edwards25519.reduce(nonceHash.digest());
        byte[] bigR = Edwards25519.scalarMultBaseEncoded(r);

        byte[] h = new Sha512().update(bigR).update(edPublic).update(message).digest();
        byte[] s = Edwards25519.mulAddModL(h, a, r);

        byte[] signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(bigR, 0, signature, 0, 32);
        System.arraycopy(s, 0, signature, 32, 32);
        signature[63] = (byte) ((signature[63] & 0x7F) | signBit);
        return signature;
    }

    /** True when the signature was made over the message by the private key of {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        checkKey(publicKey, "public key");
        Objects.requireNonNull(message, "message");
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        byte[] edPublic = Edwards25519.montgomeryToEdwardsY(publicKey);
        edPublic[31] |= (byte) (signature[63] & 0x80);
        byte[] sig = signature.clone();
        sig[63] &= 0x7F;
        try {
            return Ed25519.verify(sig, 0, edPublic, 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static byte[] checkKey(byte[] key, String what) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED,
                    what + " must be " + KEY_LENGTH + " bytes, got " + (key == null ? "none" : key.length));
        }
        return key;
    }

    /** A tiny fluent wrapper so the hash inputs above read like the scheme's definition. */
    private static final class Sha512 {
        private final java.security.MessageDigest digest = Digests.sha512();

        Sha512 update(byte[] bytes) {
            digest.update(bytes);
            return this;
        }

        byte[] digest() {
            return digest.digest();
        }
    }
}
