package io.tryx.simulator.media;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code <iq xmlns="w:m" type="set"><media_conn/></iq>}: answers with an upload token, how long to cache
 * the answer, and the media host ({@code host:port} of the simulator's HTTPS media server).
 */
public final class MediaConnHandler implements IqHandler {

    /** Seconds a client may reuse the answer ({@code ttl}). */
    static final int TTL_SECONDS = 300;

    private final MediaAuth auth;
    private final Supplier<String> hostname;
    private final long maxUploadBytes;

    public MediaConnHandler(MediaAuth auth, Supplier<String> hostname, long maxUploadBytes) {
        this.auth = auth;
        this.hostname = hostname;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Node host = Node.builder("host").attr("hostname", hostname.get())
                .attr("maxContentLengthBytes", Long.toString(maxUploadBytes)).build();
        return Optional.of(List.of(Node.builder("media_conn")
                .attr("auth", auth.issue())
                .attr("ttl", Integer.toString(TTL_SECONDS))
                .attr("auth_ttl", Long.toString(MediaAuth.AUTH_TTL.toSeconds()))
                .attr("max_buckets", "12")
                .children(host).build()));
    }
}
