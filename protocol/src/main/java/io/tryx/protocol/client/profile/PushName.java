package io.tryx.protocol.client.profile;

import java.util.Optional;

/**
 * The account's own push name (the name others see beside its messages) as last set through this client, shared
 * by the profile and presence namespaces: every {@code available} presence carries it, as WhatsApp expects.
 * Thread-safe.
 */
public final class PushName {

    private volatile String name;

    public Optional<String> get() {
        return Optional.ofNullable(name);
    }

    void set(String name) {
        this.name = name;
    }
}
