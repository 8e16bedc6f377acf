package io.tryx.protocol.signal.session;

/**
 * An encrypted 1:1 message, typed the way WhatsApp's {@code enc} node is: {@code pkmsg} while the
 * session is unacknowledged, {@code msg} afterwards.
 */
public sealed interface Ciphertext {

    /** The wire bytes (version byte first). */
    byte[] serialized();

    /** The {@code enc type} attribute: {@code pkmsg} or {@code msg}. */
    String type();

    /** The peer's registration id as recorded in the session. */
    int remoteRegistrationId();

    /** A PreKeySignalMessage: carries the X3DH parameters so the peer can build the session. */
    record PreKey(byte[] serialized, int remoteRegistrationId) implements Ciphertext {
        public PreKey {
            serialized = serialized.clone();
        }

        @Override
        public byte[] serialized() {
            return serialized.clone();
        }

        @Override
        public String type() {
            return "pkmsg";
        }
    }

    /** A plain SignalMessage on an established session. */
    record Whisper(byte[] serialized, int remoteRegistrationId) implements Ciphertext {
        public Whisper {
            serialized = serialized.clone();
        }

        @Override
        public byte[] serialized() {
            return serialized.clone();
        }

        @Override
        public String type() {
            return "msg";
        }
    }
}
