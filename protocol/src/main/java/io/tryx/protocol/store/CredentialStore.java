package io.tryx.protocol.store;

import java.util.Optional;

/** Where a device keeps its {@link DeviceCredentials}; implementations must be thread-safe. */
public interface CredentialStore {

    /** The stored credentials, if any. */
    Optional<DeviceCredentials> load();

    /** Replaces the stored credentials. */
    void save(DeviceCredentials credentials);

    /**
     * Forgets the device after a logout. In an {@link AccountStore} this wipes every piece of the account's
     * state, since none of it is valid for a new pairing.
     */
    void clear();
}
