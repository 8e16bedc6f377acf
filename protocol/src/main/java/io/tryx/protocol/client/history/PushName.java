package io.tryx.protocol.client.history;

import io.tryx.protocol.jid.Jid;

import java.util.Objects;

/** The push name a user goes by, as our phone knows it. */
public record PushName(Jid user, String pushName) {

    public PushName {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(pushName, "pushName");
    }
}
