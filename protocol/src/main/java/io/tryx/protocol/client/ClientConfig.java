package io.tryx.protocol.client;

import io.tryx.protocol.login.ClientVersion;

import java.time.Duration;
import java.util.Objects;

/**
 * Session tuning: announced version, IQ timeout, QR ref lifetimes (first, then each next), prekey upload
 * batch and the threshold below which it uploads, and the reconnect backoff.
 */
public record ClientConfig(ClientVersion version, Duration iqTimeout, Duration firstQrTimeout, Duration nextQrTimeout,
                           int preKeyUploadCount, int preKeyMinCount, FibonacciBackoff backoff) {

    public ClientConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(iqTimeout, "iqTimeout");
        Objects.requireNonNull(firstQrTimeout, "firstQrTimeout");
        Objects.requireNonNull(nextQrTimeout, "nextQrTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (preKeyUploadCount <= 0 || preKeyMinCount < 0) {
            throw new IllegalArgumentException("prekey counts must be positive");
        }
    }

    /** WhatsApp Web's values: 60 s then 20 s per QR, 812 prekeys when fewer than 5 remain, 20 s IQ timeout. */
    public static ClientConfig defaults() {
        return new ClientConfig(ClientVersion.DEFAULT, Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(20), 812, 5, FibonacciBackoff.defaults());
    }

    /** These settings uploading {@code upload} one-time prekeys whenever the server holds fewer than {@code min}. */
    public ClientConfig withPreKeyCounts(int upload, int min) {
        return new ClientConfig(version, iqTimeout, firstQrTimeout, nextQrTimeout, upload, min, backoff);
    }

    public ClientConfig withBackoff(FibonacciBackoff value) {
        return new ClientConfig(version, iqTimeout, firstQrTimeout, nextQrTimeout, preKeyUploadCount, preKeyMinCount, value);
    }
}
