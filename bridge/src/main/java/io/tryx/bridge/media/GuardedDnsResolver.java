package io.tryx.bridge.media;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a host once and hands the HTTP client exactly the addresses it then connects to, after checking every one
 * against an {@link AddressPolicy}: the check and the connection use the same answer, so a DNS server that answers
 * differently the second time (DNS rebinding) cannot slip a private address past the guard. Every connection the
 * client opens, redirects included, resolves here.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final AddressPolicy policy;

    GuardedDnsResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new ForbiddenAddressException(host, address, refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** A host resolved to an address the policy refuses. */
    static final class ForbiddenAddressException extends UnknownHostException {
        ForbiddenAddressException(String host, InetAddress address, String why) {
            super(host + " resolves to " + address.getHostAddress() + ", " + why
                    + "; media URLs may only reach public addresses (set media.allow-private-networks to allow it)");
        }
    }
}
