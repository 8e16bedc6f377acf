package io.tryx.protocol.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An established Noise connection without I/O: {@link #seal(byte[])} turns a plaintext into the wire
 * bytes of one encrypted frame, {@link #open(byte[])} turns received wire bytes (any fragmentation)
 * into plaintexts. It continues the encoder and decoder used for the handshake, so bytes that arrived
 * right behind the last handshake frame are not lost. Not thread-safe.
 */
public final class NoiseSession {

    private final TransportCipher cipher;
    private final FrameEncoder encoder;
    private final FrameDecoder decoder;

    public NoiseSession(TransportCipher cipher, FrameEncoder encoder, FrameDecoder decoder) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Encrypts and frames one plaintext. */
    public byte[] seal(byte[] plaintext) {
        return encoder.encode(cipher.encrypt(plaintext));
    }

    /** Decodes frames from {@code chunk} and hands each decrypted plaintext to {@code sink}, in order. */
    public void open(byte[] chunk, int offset, int length, Consumer<byte[]> sink) {
        decoder.decode(chunk, offset, length, frame -> sink.accept(cipher.decrypt(frame)));
    }

    /** The plaintexts of the frames {@code chunk} completed. */
    public List<byte[]> open(byte[] chunk) {
        List<byte[]> plaintexts = new ArrayList<>(2);
        open(chunk, 0, chunk.length, plaintexts::add);
        return plaintexts;
    }

    /** The underlying cipher, for its counters. */
    public TransportCipher cipher() {
        return cipher;
    }
}
