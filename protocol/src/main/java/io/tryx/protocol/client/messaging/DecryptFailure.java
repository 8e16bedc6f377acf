package io.tryx.protocol.client.messaging;

/** Why a received message could not be decrypted. */
public enum DecryptFailure {
    /** No Signal session with the sending device (a {@code msg} before any {@code pkmsg}). */
    NO_SESSION,
    /** No sender key for the group sender (its distribution message never arrived). */
    NO_SENDER_KEY,
    /** A MAC or signature did not verify. */
    BAD_MAC,
    /** The prekey the sender used is gone (already consumed or never ours). */
    INVALID_PREKEY,
    /** The ciphertext or the plaintext does not parse (bad padding, invalid protobuf, ...). */
    MALFORMED,
    /** An encryption type or version this client does not handle. */
    UNSUPPORTED,
    /** The stanza carries no {@code enc} at all. */
    NO_CONTENT
}
