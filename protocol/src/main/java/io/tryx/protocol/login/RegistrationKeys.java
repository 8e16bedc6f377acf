package io.tryx.protocol.login;

import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.SignedPreKeyRecord;

import java.util.Objects;

/**
 * The key material a registration payload announces: the Signal registration id, the identity key and the
 * signed prekey (id, public value, signature).
 */
public record RegistrationKeys(int registrationId, IdentityKeyPair identity, SignedPreKeyRecord signedPreKey) {

    public RegistrationKeys {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
    }
}
