package io.tryx.protocol.signal.session;

import io.tryx.protocol.signal.TestParty;

/** Produces a well-formed msg for tests that need one without a matching session on the receiver. */
final class SessionCipherTestSupport {

    private SessionCipherTestSupport() {
    }

    /** A SignalMessage from {@code from}'s pending session with {@code to}, stripped of its pkmsg wrapper. */
    static byte[] someWhisper(TestParty from, TestParty to) {
        Ciphertext ciphertext = from.encrypt(to, "orphan");
        return io.tryx.protocol.signal.wire.PreKeySignalMessage.parse(ciphertext.serialized()).message().serialized();
    }
}
