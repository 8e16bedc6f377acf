package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.transport.KeepAlive;
import io.tryx.protocol.transport.KeepAliveConfig;
import io.tryx.protocol.transport.NodeConnection;
import io.tryx.protocol.transport.NodeListener;
import io.tryx.protocol.transport.NoiseTransport;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Opens connections for a session: the Noise transport in production, a fake in tests. */
@FunctionalInterface
public interface Connector {

    /** Connects presenting {@code noiseKey} and the serialized ClientPayload; inbound nodes go to {@code listener}. */
    CompletableFuture<ClientConnection> connect(KeyPair noiseKey, byte[] clientPayload, NodeListener listener);

    /** A connector over {@code transport}, pinging with {@code keepAlive}. */
    static Connector noise(NoiseTransport transport, KeepAliveConfig keepAlive) {
        return (noiseKey, payload, listener) -> transport.connect(noiseKey, payload, listener)
                .thenApply(connection -> new NoiseConnection(connection, keepAlive));
    }

    /** {@link ClientConnection} over a {@link NodeConnection}. */
    record NoiseConnection(NodeConnection connection, KeepAliveConfig keepAlive) implements ClientConnection {

        @Override
        public CompletableFuture<Void> send(Node node) {
            return connection.send(node);
        }

        @Override
        public void close() {
            connection.close();
        }

        @Override
        public void addInterceptor(Predicate<Node> interceptor) {
            connection.addInterceptor(interceptor);
        }

        @Override
        public void startKeepAlive() {
            KeepAlive.start(connection, keepAlive);
        }

        @Override
        public void pauseReading(boolean paused) {
            connection.pauseReading(paused);
        }
    }
}
