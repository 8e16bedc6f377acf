package io.tryx.protocol.client.messaging;

import java.time.Duration;
import java.util.Objects;

/**
 * Messaging tuning: how long a send waits for the server's {@code ack}; how long a device list learned by
 * usync is trusted before it is asked again (device notifications and the server's participant hash keep it
 * right meanwhile; the lifetime bounds how long a lost notification can hide a device); how long sent messages (for
 * answering retry receipts) and decrypted-buffer entries are kept before {@link Messaging#prune()} drops them; how
 * much inbound work (messages, receipts, group notifications) may queue before the account's socket stops being
 * read (it is read again once half of that is done); how long message secrets are kept (WhatsApp puts one on nearly
 * every message; a vote or encrypted reaction on a message older than that cannot be read).
 */
public record MessagingConfig(Duration sendTimeout, Duration deviceListTtl, Duration retention, int inboundLimit,
                              Duration secretRetention) {

    public MessagingConfig {
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(deviceListTtl, "deviceListTtl");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(secretRetention, "secretRetention");
        if (inboundLimit < 2) {
            throw new IllegalArgumentException("inboundLimit must be at least 2: " + inboundLimit);
        }
    }

    /**
     * 20 s for the ack (WhatsApp Web's IQ timeout), device lists for 5 minutes, sent messages and buffer for 1 day,
     * reading paused at 1000 queued inbound stanzas, message secrets for 30 days.
     */
    public static MessagingConfig defaults() {
        return new MessagingConfig(Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofDays(1), 1000,
                Duration.ofDays(30));
    }

    /** These settings with reading paused once {@code limit} inbound stanzas are queued. */
    public MessagingConfig withInboundLimit(int limit) {
        return new MessagingConfig(sendTimeout, deviceListTtl, retention, limit, secretRetention);
    }

    /** These settings with message secrets kept for {@code keep} (votes or encrypted reactions on older messages are not read). */
    public MessagingConfig withSecretRetention(Duration keep) {
        return new MessagingConfig(sendTimeout, deviceListTtl, retention, inboundLimit, keep);
    }
}
