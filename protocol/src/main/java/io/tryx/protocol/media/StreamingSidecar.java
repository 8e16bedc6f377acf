package io.tryx.protocol.media;

import io.tryx.protocol.crypto.Hmac;

import javax.crypto.Mac;
import java.io.ByteArrayOutputStream;

/**
 * Builds the streaming sidecar of audio and video uploads incrementally, so a player can check each
 * 64 KiB piece of the encrypted file as it arrives. Over the stream {@code iv || ciphertext} (the same
 * bytes the file MAC covers), piece n spans {@code [n·65536, (n+1)·65536 + 16)}: the 16 bytes that act
 * as its CBC IV plus its 64 KiB. Each piece contributes the first 10 bytes of its HMAC-SHA256 under the
 * MAC key. At most two pieces are open at once (they overlap by 16 bytes), so memory stays constant.
 */
final class StreamingSidecar {

    static final int PIECE = 65536;
    private static final int OVERLAP = 16;
    private static final int MAC_LENGTH = 10;

    private final byte[] macKey;
    private final ByteArrayOutputStream sidecar = new ByteArrayOutputStream();
    private Mac current;
    private long currentIndex = -1;
    private Mac previous;
    private long position;

    StreamingSidecar(byte[] macKey) {
        this.macKey = macKey.clone();
    }

    void update(byte[] data, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            long index = position / PIECE;
            if (index != currentIndex) {
                if (previous != null) {
                    emit(previous);
                }
                previous = current;
                current = Hmac.sha256Mac(macKey);
                currentIndex = index;
            }
            long pieceEnd = (index + 1) * PIECE;
            int n = (int) Math.min(end - offset, pieceEnd - position);
            current.update(data, offset, n);
            if (previous != null) {
                long previousEnd = index * PIECE + OVERLAP;
                if (position < previousEnd) {
                    int overlap = (int) Math.min(n, previousEnd - position);
                    previous.update(data, offset, overlap);
                    if (position + overlap == previousEnd) {
                        emit(previous);
                        previous = null;
                    }
                }
            }
            position += n;
            offset += n;
        }
    }

    byte[] finish() {
        if (previous != null) {
            emit(previous);
            previous = null;
        }
        if (current != null) {
            emit(current);
            current = null;
        }
        return sidecar.toByteArray();
    }

    private void emit(Mac mac) {
        sidecar.write(mac.doFinal(), 0, MAC_LENGTH);
    }
}
