package io.tryx.protocol.signal.group;

import io.tryx.protocol.signal.session.ChainKey;
import io.tryx.protocol.signal.session.SkippedKeyWindow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * One sender key of a group member: its id, chain key (at the next iteration), public signing key,
 * private signing key when it is our own, and the seeds of skipped iterations (bounded, oldest evicted).
 * Mutable; a record is copied before a change.
 */
public final class SenderKeyState {

    final int keyId;
    final SkippedKeyWindow window;
    final byte[] signingPublic;
    final byte[] signingPrivate;

    SenderKeyState(int keyId, ChainKey chainKey, byte[] signingPublic, byte[] signingPrivate,
                   LinkedHashMap<Integer, byte[]> skipped, int evictedThrough) {
        this(keyId, new SkippedKeyWindow(chainKey, skipped, evictedThrough), signingPublic, signingPrivate);
    }

    private SenderKeyState(int keyId, SkippedKeyWindow window, byte[] signingPublic, byte[] signingPrivate) {
        this.keyId = keyId;
        this.window = window;
        this.signingPublic = signingPublic.clone();
        this.signingPrivate = signingPrivate == null ? null : signingPrivate.clone();
    }

    SenderKeyState copy() {
        return new SenderKeyState(keyId, window.copy(), signingPublic, signingPrivate);
    }

    public int keyId() {
        return keyId;
    }

    /** The iteration the next message will use (ours) or the lowest not yet derived (theirs). */
    public int iteration() {
        return window.chainKey().index();
    }

    /** Raw 32-byte public signing key. */
    public byte[] signingPublic() {
        return signingPublic.clone();
    }

    /** Present for our own sender keys only. */
    public Optional<byte[]> signingPrivate() {
        return Optional.ofNullable(signingPrivate).map(byte[]::clone);
    }

    boolean sameKey(byte[] otherSigningPublic) {
        return Arrays.equals(signingPublic, otherSigningPublic);
    }

    /** The seed of {@code iteration}, consuming it; keeps skipped seeds within the window. */
    byte[] consumeSeed(int iteration) {
        return window.consumeSeed(iteration, "sender key iteration");
    }
}
