package io.tryx.protocol.transport;

import io.tryx.protocol.binary.Node;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a connection delivered, and on which threads. */
final class RecordingListener implements NodeListener {

    final List<Node> nodes = new CopyOnWriteArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final CompletableFuture<TransportException> closed = new CompletableFuture<>();

    @Override
    public void onNode(Node node) {
        threads.add(Thread.currentThread().getName());
        nodes.add(node);
    }

    @Override
    public void onClosed(TransportException cause) {
        closed.complete(cause);
    }
}
