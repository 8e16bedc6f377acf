package io.tryx.protocol.client.newsletter;

import java.time.Instant;

/** A post or reaction the server accepted: our message {@code id}, the post's {@code serverId}, the server's time. */
public record PostResult(String id, long serverId, Instant at) {
}
