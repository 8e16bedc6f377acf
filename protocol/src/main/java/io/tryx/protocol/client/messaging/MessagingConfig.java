package io.tryx.protocol.client.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * Messaging tuning: how long a send waits for the server's {@code ack}, and how long a device list learned by
 * usync is trusted before it is asked again (the server's device notifications are not handled yet, so this
 * bounds how long a newly linked device of a peer can be missed).
 */
public record MessagingConfig(Duration sendTimeout, Duration deviceListTtl) {

    public MessagingConfig {
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(deviceListTtl, "deviceListTtl");
    }

    /** 20 s for the ack (WhatsApp Web's IQ timeout), device lists for 5 minutes. */
    public static MessagingConfig defaults() {
        return new MessagingConfig(Duration.ofSeconds(20), Duration.ofMinutes(5));
    }
}
