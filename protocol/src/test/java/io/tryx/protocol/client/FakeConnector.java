package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.protocol.transport.NodeListener;
import io.tryx.protocol.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A {@link Connector} whose connections record what the session sends and let the test play the server. */
final class FakeConnector implements Connector {

    /** One fake connection. */
    static final class FakeConnection implements ClientConnection {
        final ClientPayload payload;
        final NodeListener listener;
        final List<Node> sent = new CopyOnWriteArrayList<>();
        final List<Predicate<Node>> interceptors = new CopyOnWriteArrayList<>();
        boolean closed;
        boolean keepAlive;
        volatile boolean readingPaused;
        /** Plays the server synchronously: its answer to a sent node (an IQ result), if any, is delivered at once. */
        volatile java.util.function.Function<Node, java.util.Optional<Node>> responder = node -> java.util.Optional.empty();

        FakeConnection(ClientPayload payload, NodeListener listener) {
            this.payload = payload;
            this.listener = listener;
        }

        @Override
        public CompletableFuture<Void> send(Node node) {
            sent.add(node);
            responder.apply(node).ifPresent(this::deliver);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                listener.onClosed(null);
            }
        }

        @Override
        public void addInterceptor(Predicate<Node> interceptor) {
            interceptors.add(interceptor);
        }

        @Override
        public void startKeepAlive() {
            keepAlive = true;
        }

        @Override
        public void pauseReading(boolean paused) {
            readingPaused = paused;
        }

        /** The server sends {@code node}. */
        void deliver(Node node) {
            for (Predicate<Node> interceptor : interceptors) {
                if (interceptor.test(node)) {
                    return;
                }
            }
            listener.onNode(node);
        }

        /** The network drops the connection. */
        void drop() {
            closed = true;
            listener.onClosed(new TransportException(TransportException.Reason.CONNECTION_LOST, "dropped"));
        }

        Node lastSent() {
            return sent.getLast();
        }
    }

    final List<FakeConnection> connections = new ArrayList<>();
    boolean refuse;

    @Override
    public synchronized CompletableFuture<ClientConnection> connect(KeyPair noiseKey, byte[] clientPayload, NodeListener listener) {
        if (refuse) {
            return CompletableFuture.failedFuture(new TransportException(TransportException.Reason.CONNECT_FAILED, "refused"));
        }
        try {
            FakeConnection connection = new FakeConnection(ClientPayload.parseFrom(clientPayload), listener);
            connections.add(connection);
            return CompletableFuture.completedFuture(connection);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    synchronized FakeConnection last() {
        return connections.getLast();
    }
}
