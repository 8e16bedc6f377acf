package io.tryx.bridge.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses media URLs may reach: the guard against server-side request forgery. {@link #PUBLIC_ONLY} (the
 * default) refuses every address that is not publicly routable, so a command cannot make the bridge fetch from the
 * bridge's own host, its private network or a cloud metadata endpoint; {@link #ANY} allows all (demos and tests that
 * serve media from loopback).
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Why {@code address} may not be connected to; empty when it may. */
    Optional<String> refusal(InetAddress address);

    /** Allows every address. */
    AddressPolicy ANY = address -> Optional.empty();

    /**
     * Refuses loopback, unspecified, private (RFC 1918), shared (RFC 6598), link-local (including the cloud metadata
     * address 169.254.169.254), multicast, broadcast and reserved IPv4, and loopback, unspecified, unique-local,
     * link-local, site-local and multicast IPv6, also IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4).
     */
    AddressPolicy PUBLIC_ONLY = AddressPolicy::nonPublic;

    private static Optional<String> nonPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return embeddedV4(v6.getAddress()).map(AddressPolicy::nonPublic).orElseGet(() -> v6Refusal(v6));
        }
        return Optional.ofNullable(v4Refusal((Inet4Address) address));
    }

    private static String v4Refusal(Inet4Address address) {
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isAnyLocalAddress() || first == 0) {
            return "an unspecified address (0.0.0.0/8)";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private network address (10/8, 172.16/12, 192.168/16)";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "a shared (carrier-grade NAT) address (100.64/10)";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (169.254/16, cloud metadata endpoints)";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (first >= 240) {
            return "a reserved or broadcast address (240/4)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "an IETF protocol assignment address (192.0.0/24)";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "a benchmarking address (198.18/15)";
        }
        return null;
    }

    private static Optional<String> v6Refusal(Inet6Address address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address (::)");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address (::1)");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local address (fc00::/7)");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (fe80::/10)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a site-local address (fec0::/10)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address (ff00::/8)");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries: mapped (::ffff:0:0/96), compatible (::/96), NAT64 (64:ff9b::/96), 6to4. */
    private static Optional<InetAddress> embeddedV4(byte[] b) {
        boolean zeros80 = allZero(b, 0, 10);
        int offset = -1;
        if (zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            offset = 12;
        } else if (zeros80 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15)) {
            offset = 12;
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            offset = 12;
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            offset = 2;
        }
        if (offset < 0) {
            return Optional.empty();
        }
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
