package io.tryx.protocol.client;

import java.util.Optional;

/** Where a client keeps its {@link DeviceCredentials}; implementations must be thread-safe. */
public interface CredentialStore {

    /** The stored credentials, if any. */
    Optional<DeviceCredentials> load();

    /** Replaces the stored credentials. */
    void save(DeviceCredentials credentials);

    /** Forgets the credentials (after a logout). */
    void clear();
}
