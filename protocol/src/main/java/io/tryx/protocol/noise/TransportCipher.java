package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.AesGcm;

/**
 * The two AES-256-GCM directions of an established Noise connection: a send key and a receive key, each
 * with its own 32-bit frame counter used as the nonce ({@code 8 zero bytes || counter big-endian}) and
 * no AAD. One AES-GCM instance and one nonce buffer per direction are reused for every frame.
 *
 * <p>A counter never wraps: once 2^32 frames went one way, further use is refused with LIMIT_EXCEEDED
 * because a repeated nonce would void GCM's guarantees. A frame that fails its tag check does not move
 * the receive counter; the connection should be dropped. Not thread-safe: one writer and one reader
 * at a time, as on a socket.
 */
public final class TransportCipher {

    /** Counters are unsigned 32-bit values; this many frames may go each way. */
    static final long MAX_FRAMES = 1L << 32;

    private final AesGcm sendCipher;
    private final AesGcm receiveCipher;
    private final byte[] sendNonce = new byte[AesGcm.NONCE_LENGTH];
    private final byte[] receiveNonce = new byte[AesGcm.NONCE_LENGTH];
    private long sendCounter;
    private long receiveCounter;

    TransportCipher(byte[] sendKey, byte[] receiveKey) {
        this(sendKey, receiveKey, 0, 0);
    }

    /**
     * A cipher from transport keys obtained elsewhere (benchmarks, tests, a peer's recorded keys); both
     * counters start at zero. Handshakes create theirs with {@code split()}.
     */
    public static TransportCipher fromKeys(byte[] sendKey, byte[] receiveKey) {
        return new TransportCipher(sendKey, receiveKey);
    }

    TransportCipher(byte[] sendKey, byte[] receiveKey, long sendCounter, long receiveCounter) {
        this.sendCipher = new AesGcm(sendKey);
        this.receiveCipher = new AesGcm(receiveKey);
        this.sendCounter = sendCounter;
        this.receiveCounter = receiveCounter;
    }

    /** Encrypts one outgoing frame payload; the result is ciphertext followed by the 16-byte tag. */
    public byte[] encrypt(byte[] plaintext) {
        return encrypt(plaintext, 0, plaintext.length);
    }

    /** Encrypts {@code length} bytes of {@code plaintext} from {@code offset}. */
    public byte[] encrypt(byte[] plaintext, int offset, int length) {
        writeCounter(sendNonce, next(sendCounter, "send"));
        byte[] ciphertext = sendCipher.encrypt(sendNonce, null, plaintext, offset, length);
        sendCounter++;
        return ciphertext;
    }

    /** Decrypts one incoming frame; AUTHENTICATION_FAILED if it was altered, reordered or replayed. */
    public byte[] decrypt(byte[] ciphertext) {
        return decrypt(ciphertext, 0, ciphertext.length);
    }

    /** Decrypts {@code length} bytes of {@code ciphertext} from {@code offset}. */
    public byte[] decrypt(byte[] ciphertext, int offset, int length) {
        writeCounter(receiveNonce, next(receiveCounter, "receive"));
        byte[] plaintext = receiveCipher.decrypt(receiveNonce, null, ciphertext, offset, length);
        receiveCounter++;
        return plaintext;
    }

    /** Frames sent so far. */
    public long sentFrames() {
        return sendCounter;
    }

    /** Frames received and authenticated so far. */
    public long receivedFrames() {
        return receiveCounter;
    }

    private static int next(long counter, String direction) {
        if (counter >= MAX_FRAMES) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED,
                    direction + " counter exhausted after 2^32 frames; reconnect");
        }
        return (int) counter;
    }

    /** Writes the counter big-endian into the last four bytes of a 12-byte nonce whose first eight are zero. */
    static void writeCounter(byte[] nonce, int counter) {
        nonce[8] = (byte) (counter >>> 24);
        nonce[9] = (byte) (counter >>> 16);
        nonce[10] = (byte) (counter >>> 8);
        nonce[11] = (byte) counter;
    }
}
