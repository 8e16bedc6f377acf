package io.tryx.protocol.client.messaging;

import java.time.Instant;
import java.util.Objects;

/** A message the server accepted: its id and the server's timestamp from the {@code ack}. */
public record SendResult(String id, Instant serverTimestamp) {

    public SendResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverTimestamp, "serverTimestamp");
    }
}
