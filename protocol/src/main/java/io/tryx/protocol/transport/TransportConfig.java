package io.tryx.protocol.transport;

import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.noise.ConnectionHeader;
import io.tryx.protocol.noise.FrameDecoder;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link NoiseTransport} needs to reach a WhatsApp (or simulator) endpoint. Immutable and
 * validated on construction; start from {@link #builder()}, whose defaults reach production WhatsApp.
 *
 * @param uri                  {@code ws://} or {@code wss://} endpoint, default {@value #DEFAULT_URI}
 * @param origin               the {@code Origin} header, default {@value #DEFAULT_ORIGIN}
 * @param trustedRoot          the Noise certificate root (Curve25519 public key), default WhatsApp's
 * @param clock                time source for certificate validity
 * @param proxy                optional HTTP CONNECT or SOCKS5 proxy
 * @param tlsTrustAnchors      X.509 certificates trusted for {@code wss}; empty means the JDK's default trust store
 * @param connectTimeout       TCP (and proxy) connect timeout
 * @param handshakeTimeout     deadline for everything from connect until the Noise handshake completed
 * @param maxFrameSize         largest inbound frame accepted (at most 16 MiB - 1)
 * @param routingInfo          edge-routing bytes sent in front of the connection header; empty for none
 * @param maxPendingOutboundBytes bound on encoded bytes queued for sending before {@code send} fails with OUTBOUND_FULL
 */
public record TransportConfig(URI uri, String origin, byte[] trustedRoot, InstantSource clock,
                              Optional<ProxyConfig> proxy, List<X509Certificate> tlsTrustAnchors,
                              Duration connectTimeout, Duration handshakeTimeout, int maxFrameSize,
                              byte[] routingInfo, long maxPendingOutboundBytes) {

    public static final String DEFAULT_URI = "wss://web.whatsapp.com/ws/chat";
    public static final String DEFAULT_ORIGIN = "https://web.whatsapp.com";

    public TransportConfig {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("uri must be ws:// or wss://, got " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("uri has no host: " + uri);
        }
        Objects.requireNonNull(origin, "origin");
        if (trustedRoot == null || trustedRoot.length != 32) {
            throw new IllegalArgumentException("trusted root must be a 32-byte Curve25519 public key");
        }
        trustedRoot = trustedRoot.clone();
        Objects.requireNonNull(clock, "clock");
        proxy = Objects.requireNonNull(proxy, "proxy");
        tlsTrustAnchors = List.copyOf(tlsTrustAnchors);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(handshakeTimeout, "handshakeTimeout");
        if (maxFrameSize < 1 || maxFrameSize > FrameDecoder.MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("maxFrameSize must be in [1, " + FrameDecoder.MAX_FRAME_SIZE + "], got " + maxFrameSize);
        }
        routingInfo = routingInfo == null ? new byte[0] : routingInfo.clone();
        if (routingInfo.length > ConnectionHeader.MAX_ROUTING_INFO) {
            throw new IllegalArgumentException("routingInfo longer than " + ConnectionHeader.MAX_ROUTING_INFO + " bytes");
        }
        if (maxPendingOutboundBytes < 1) {
            throw new IllegalArgumentException("maxPendingOutboundBytes must be positive");
        }
    }

    @Override
    public byte[] trustedRoot() {
        return trustedRoot.clone();
    }

    @Override
    public byte[] routingInfo() {
        return routingInfo.clone();
    }

    /** True for {@code wss}. */
    public boolean secure() {
        return uri.getScheme().equalsIgnoreCase("wss");
    }

    /** The port, defaulted from the scheme. */
    public int port() {
        return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** The connection header this configuration sends. */
    public ConnectionHeader connectionHeader() {
        return routingInfo.length == 0 ? ConnectionHeader.plain() : ConnectionHeader.routed(routingInfo);
    }

    /** A builder with production defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.uri = uri;
        b.origin = origin;
        b.trustedRoot = trustedRoot;
        b.clock = clock;
        b.proxy = proxy.orElse(null);
        b.tlsTrustAnchors = tlsTrustAnchors;
        b.connectTimeout = connectTimeout;
        b.handshakeTimeout = handshakeTimeout;
        b.maxFrameSize = maxFrameSize;
        b.routingInfo = routingInfo;
        b.maxPendingOutboundBytes = maxPendingOutboundBytes;
        return b;
    }

    @Override
    public String toString() {
        return "TransportConfig[uri=" + uri + ", origin=" + origin + ", proxy=" + proxy + ", connectTimeout="
                + connectTimeout + ", handshakeTimeout=" + handshakeTimeout + ", maxFrameSize=" + maxFrameSize
                + ", routingInfo=" + routingInfo.length + " bytes, maxPendingOutboundBytes=" + maxPendingOutboundBytes + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private URI uri = URI.create(DEFAULT_URI);
        private String origin = DEFAULT_ORIGIN;
        private byte[] trustedRoot = CertChainVerifier.WHATSAPP_ROOT_KEY;
        private InstantSource clock = InstantSource.system();
        private ProxyConfig proxy;
        private List<X509Certificate> tlsTrustAnchors = List.of();
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private int maxFrameSize = FrameDecoder.MAX_FRAME_SIZE;
        private byte[] routingInfo = new byte[0];
        private long maxPendingOutboundBytes = 32L << 20;

        private Builder() {
        }

        public Builder uri(URI value) { this.uri = value; return this; }

        public Builder uri(String value) { return uri(URI.create(value)); }

        public Builder origin(String value) { this.origin = value; return this; }

        public Builder trustedRoot(byte[] value) { this.trustedRoot = value; return this; }

        public Builder clock(InstantSource value) { this.clock = value; return this; }

        public Builder proxy(ProxyConfig value) { this.proxy = value; return this; }

        public Builder tlsTrustAnchors(List<X509Certificate> value) { this.tlsTrustAnchors = value; return this; }

        public Builder connectTimeout(Duration value) { this.connectTimeout = value; return this; }

        public Builder handshakeTimeout(Duration value) { this.handshakeTimeout = value; return this; }

        public Builder maxFrameSize(int value) { this.maxFrameSize = value; return this; }

        public Builder routingInfo(byte[] value) { this.routingInfo = value; return this; }

        public Builder maxPendingOutboundBytes(long value) { this.maxPendingOutboundBytes = value; return this; }

        public TransportConfig build() {
            return new TransportConfig(uri, origin, trustedRoot, clock, Optional.ofNullable(proxy), tlsTrustAnchors,
                    connectTimeout, handshakeTimeout, maxFrameSize, routingInfo, maxPendingOutboundBytes);
        }
    }
}
