package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.SignalAddress;

import java.util.Optional;

/** Our identity and registration id, and the identity keys we have seen for peers. */
public interface IdentityKeyStore {

    IdentityKeyPair localIdentity();

    int localRegistrationId();

    /** The identity key last saved for the address. */
    Optional<IdentityKey> identity(SignalAddress address);

    void saveIdentity(SignalAddress address, IdentityKey identity);
}
