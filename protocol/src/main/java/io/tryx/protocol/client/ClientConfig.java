package io.tryx.protocol.client;

import io.tryx.protocol.login.ClientVersion;

import java.time.Duration;
import java.util.Objects;

/**
 * Session tuning: announced version, IQ timeout, QR ref lifetimes (first, then each next), prekey upload
 * batch and the threshold below which it uploads, the reconnect backoff, how old the signed prekey may grow before
 * it is rotated and how long a replaced signed prekey is kept (peers' pkmsgs built on it still decrypt meanwhile), and
 * where to refresh the version from ({@code versionSource}; null announces {@code version} as configured, else the
 * version is fetched before the first connection and again when the server refuses it with 405, {@code version}
 * being the fallback).
 */
public record ClientConfig(ClientVersion version, Duration iqTimeout, Duration firstQrTimeout, Duration nextQrTimeout,
                           int preKeyUploadCount, int preKeyMinCount, FibonacciBackoff backoff,
                           Duration signedPreKeyRotation, Duration signedPreKeyRetention,
                           ClientVersionSource versionSource) {

    public ClientConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(iqTimeout, "iqTimeout");
        Objects.requireNonNull(firstQrTimeout, "firstQrTimeout");
        Objects.requireNonNull(nextQrTimeout, "nextQrTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(signedPreKeyRotation, "signedPreKeyRotation");
        Objects.requireNonNull(signedPreKeyRetention, "signedPreKeyRetention");
        if (preKeyUploadCount <= 0 || preKeyMinCount < 0) {
            throw new IllegalArgumentException("prekey counts must be positive");
        }
        if (!signedPreKeyRotation.isPositive() || signedPreKeyRetention.isNegative()) {
            throw new IllegalArgumentException("signed prekey rotation must be positive and retention not negative");
        }
    }

    /**
     * WhatsApp Web's values: 60 s then 20 s per QR, 812 prekeys when fewer than 5 remain, 20 s IQ timeout; the signed
     * prekey rotated after 7 days, a replaced one kept 30 days (Signal's archive age).
     */
    public static ClientConfig defaults() {
        return new ClientConfig(ClientVersion.DEFAULT, Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(20), 812, 5, FibonacciBackoff.defaults(), Duration.ofDays(7), Duration.ofDays(30), null);
    }

    /** These settings uploading {@code upload} one-time prekeys whenever the server holds fewer than {@code min}. */
    public ClientConfig withPreKeyCounts(int upload, int min) {
        return new ClientConfig(version, iqTimeout, firstQrTimeout, nextQrTimeout, upload, min, backoff,
                signedPreKeyRotation, signedPreKeyRetention, versionSource);
    }

    /** These settings announcing {@code value} (the fallback, when a version source is set). */
    public ClientConfig withVersion(ClientVersion value) {
        return new ClientConfig(value, iqTimeout, firstQrTimeout, nextQrTimeout, preKeyUploadCount, preKeyMinCount, backoff,
                signedPreKeyRotation, signedPreKeyRetention, versionSource);
    }

    /** These settings refreshing the version from {@code source} (null: never refresh). */
    public ClientConfig withVersionSource(ClientVersionSource source) {
        return new ClientConfig(version, iqTimeout, firstQrTimeout, nextQrTimeout, preKeyUploadCount, preKeyMinCount, backoff,
                signedPreKeyRotation, signedPreKeyRetention, source);
    }

    public ClientConfig withBackoff(FibonacciBackoff value) {
        return new ClientConfig(version, iqTimeout, firstQrTimeout, nextQrTimeout, preKeyUploadCount, preKeyMinCount, value,
                signedPreKeyRotation, signedPreKeyRetention, versionSource);
    }

    /** These settings rotating the signed prekey once it is {@code every} old, keeping a replaced one for {@code keep}. */
    public ClientConfig withSignedPreKeyRotation(Duration every, Duration keep) {
        return new ClientConfig(version, iqTimeout, firstQrTimeout, nextQrTimeout, preKeyUploadCount, preKeyMinCount,
                backoff, every, keep, versionSource);
    }
}
