package io.tryx.protocol.client.media;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to the {@code media_conn} IQ: the upload {@code auth} token, how long the answer may be reused
 * ({@code ttl}) and the token stays valid ({@code auth_ttl}), and the media hosts ({@code host:port} or a DNS name,
 * as {@code https://<host><path>} takes it), best first.
 */
public record MediaConn(String auth, Duration ttl, Duration authTtl, List<String> hosts, Instant fetchedAt) {

    public MediaConn {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(authTtl, "authTtl");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** When the answer must be asked for again: {@code ttl} after it was fetched. */
    public Instant expiresAt() {
        return fetchedAt.plus(ttl);
    }

    /** {@code <iq xmlns="w:m" type="set" to="s.whatsapp.net" id><media_conn/></iq>}. */
    static Node request(String id) {
        return Node.builder("iq").attr("id", id).attr("xmlns", "w:m").attr("type", "set").attr("to", Jid.USER_SERVER)
                .children(Node.of("media_conn")).build();
    }

    /**
     * Reads {@code <iq type="result"><media_conn auth ttl auth_ttl? max_buckets?><host hostname/>...</media_conn></iq>}.
     *
     * @throws ProtocolException when {@code media_conn}, its {@code auth} or {@code ttl}, or every host is missing
     */
    static MediaConn parse(Node answer, Instant fetchedAt) {
        Node conn = answer.child("media_conn").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "media_conn answer without <media_conn>"));
        String auth = conn.attrs().optionalString("auth").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "media_conn without auth"));
        long ttl = conn.attrs().optionalLong("ttl").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "media_conn without ttl"));
        long authTtl = conn.attrs().optionalLong("auth_ttl").orElse(ttl);
        List<String> hosts = conn.children("host").stream()
                .map(h -> h.attrs().optionalString("hostname").orElse(""))
                .filter(h -> !h.isEmpty()).toList();
        if (hosts.isEmpty()) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "media_conn without hosts");
        }
        return new MediaConn(auth, Duration.ofSeconds(Math.max(0, ttl)), Duration.ofSeconds(Math.max(0, authTtl)), hosts,
                fetchedAt);
    }
}
