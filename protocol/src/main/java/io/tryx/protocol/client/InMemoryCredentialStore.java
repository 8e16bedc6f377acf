package io.tryx.protocol.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link CredentialStore} in memory (tests, short-lived tools). */
public final class InMemoryCredentialStore implements CredentialStore {

    private final AtomicReference<DeviceCredentials> credentials = new AtomicReference<>();

    @Override
    public Optional<DeviceCredentials> load() {
        return Optional.ofNullable(credentials.get());
    }

    @Override
    public void save(DeviceCredentials value) {
        credentials.set(value);
    }

    @Override
    public void clear() {
        credentials.set(null);
    }
}
