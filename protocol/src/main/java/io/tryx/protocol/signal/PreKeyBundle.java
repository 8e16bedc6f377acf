package io.tryx.protocol.signal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the server hands out for a device so a session can be started without it being online: its
 * registration id, identity key, signed prekey with signature and, when one is left, a one-time prekey.
 * Keys are raw 32-byte Curve25519 public keys.
 */
public record PreKeyBundle(int registrationId, int deviceId, OptionalInt preKeyId, byte[] preKeyPublic,
                           int signedPreKeyId, byte[] signedPreKeyPublic, byte[] signedPreKeySignature,
                           IdentityKey identityKey) {

    public PreKeyBundle {
        Objects.requireNonNull(preKeyId, "preKeyId");
        if (preKeyId.isPresent() != (preKeyPublic != null)) {
            throw new IllegalArgumentException("a one-time prekey needs both its id and its key");
        }
        preKeyPublic = preKeyPublic == null ? null : preKeyPublic.clone();
        signedPreKeyPublic = Objects.requireNonNull(signedPreKeyPublic, "signedPreKeyPublic").clone();
        signedPreKeySignature = Objects.requireNonNull(signedPreKeySignature, "signedPreKeySignature").clone();
        Objects.requireNonNull(identityKey, "identityKey");
    }

    @Override
    public byte[] preKeyPublic() {
        return preKeyPublic == null ? null : preKeyPublic.clone();
    }

    @Override
    public byte[] signedPreKeyPublic() {
        return signedPreKeyPublic.clone();
    }

    @Override
    public byte[] signedPreKeySignature() {
        return signedPreKeySignature.clone();
    }
}
