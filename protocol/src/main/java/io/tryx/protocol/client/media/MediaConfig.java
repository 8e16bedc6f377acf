package io.tryx.protocol.client.media;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How media reaches the media hosts over HTTPS.
 *
 * @param tlsTrustAnchors certificates trusted for the media hosts; empty means the JDK's default trust store
 *                        (the simulator's self-signed certificate goes here, as in {@code TransportConfig})
 * @param connectTimeout  TCP and TLS connect timeout
 * @param responseTimeout how long a download may wait for the host's response headers, and an upload for the host's
 *                        answer after the whole body was sent
 * @param tempDirectory   where uploads are encrypted before they are sent (their token is the hash of the
 *                        encrypted file, so it must exist whole first); empty means the JDK's temporary directory
 * @param origin          the {@code Origin} header WhatsApp Web sends
 */
public record MediaConfig(List<X509Certificate> tlsTrustAnchors, Duration connectTimeout, Duration responseTimeout,
                          Optional<Path> tempDirectory, String origin) {

    public static final String DEFAULT_ORIGIN = "https://web.whatsapp.com";

    public MediaConfig {
        tlsTrustAnchors = List.copyOf(tlsTrustAnchors);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        Objects.requireNonNull(origin, "origin");
    }

    /** JDK trust store, 20 s to connect, 2 minutes for an answer, the JDK's temporary directory. */
    public static MediaConfig defaults() {
        return new MediaConfig(List.of(), Duration.ofSeconds(20), Duration.ofMinutes(2), Optional.empty(), DEFAULT_ORIGIN);
    }

    /** These defaults trusting {@code anchors} (e.g. the simulator's certificate). */
    public static MediaConfig trusting(List<X509Certificate> anchors) {
        return defaults().withTlsTrustAnchors(anchors);
    }

    public MediaConfig withTlsTrustAnchors(List<X509Certificate> value) {
        return new MediaConfig(value, connectTimeout, responseTimeout, tempDirectory, origin);
    }

    public MediaConfig withTempDirectory(Path value) {
        return new MediaConfig(tlsTrustAnchors, connectTimeout, responseTimeout, Optional.of(value), origin);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
