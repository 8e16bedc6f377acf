package io.tryx.protocol.pairing;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Aes;
import io.tryx.protocol.crypto.Pbkdf2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The phone-number pairing code: 8 Crockford base-32 characters from 5 random bytes, typed by the user
 * on the phone. Both sides stretch it with PBKDF2-HMAC-SHA256 (131072 iterations) and use the result to
 * wrap their pairing ephemeral public key with AES-256-CTR as {@code salt(32) || iv(16) || key(32)}.
 */
public final class PairCode {

    /** WhatsApp's alphabet: Crockford base 32 without 0, I, O and U. */
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
    public static final int ITERATIONS = 131072;
    private static final int WRAPPED_LENGTH = 32 + 16 + 32;

    private final String code;

    private PairCode(String code) {
        this.code = code;
    }

    /** The code for 5 random bytes. */
    public static PairCode fromRandom(byte[] fiveBytes) {
        if (fiveBytes.length != 5) {
            throw new IllegalArgumentException("a pairing code encodes 5 bytes");
        }
        long value = 0;
        for (byte b : fiveBytes) {
            value = value << 8 | (b & 0xFF);
        }
        char[] chars = new char[8];
        for (int i = 7; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new PairCode(new String(chars));
    }

    /** A code as entered (custom codes must be 8 characters of the alphabet). */
    public static PairCode of(String code) {
        if (code == null || code.length() != 8 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new ProtocolException(Reason.MALFORMED, "a pairing code is 8 characters of " + ALPHABET);
        }
        return new PairCode(code);
    }

    public String value() {
        return code;
    }

    /** The AES key that wraps ephemeral keys: PBKDF2(code, salt, 131072, 32). */
    public byte[] wrappingKey(byte[] salt) {
        return Pbkdf2.sha256(code.getBytes(StandardCharsets.US_ASCII), salt, ITERATIONS, 32);
    }

    /** Wraps a 32-byte ephemeral public key: {@code salt || iv || AES-CTR(key, iv, publicKey)}. */
    public byte[] wrap(byte[] ephemeralPublic, byte[] salt, byte[] iv) {
        byte[] out = new byte[WRAPPED_LENGTH];
        System.arraycopy(salt, 0, out, 0, 32);
        System.arraycopy(iv, 0, out, 32, 16);
        System.arraycopy(Aes.ctr(wrappingKey(salt), iv, ephemeralPublic), 0, out, 48, 32);
        return out;
    }

    /** Unwraps the other side's ephemeral public key. */
    public byte[] unwrap(byte[] wrapped) {
        if (wrapped == null || wrapped.length < WRAPPED_LENGTH) {
            throw new ProtocolException(Reason.TRUNCATED, "wrapped pairing key must be 80 bytes");
        }
        byte[] salt = Arrays.copyOfRange(wrapped, 0, 32);
        byte[] iv = Arrays.copyOfRange(wrapped, 32, 48);
        return Aes.ctr(wrappingKey(salt), iv, Arrays.copyOfRange(wrapped, 48, 80));
    }

    @Override
    public String toString() {
        return "PairCode[" + code.substring(0, 4) + "-" + code.substring(4) + "]";
    }
}
