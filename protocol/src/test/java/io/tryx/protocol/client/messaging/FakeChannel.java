package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/** A {@link StanzaChannel} that records what messaging sends and lets the test answer IQs. */
final class FakeChannel implements StanzaChannel {

    final List<Node> sent = new CopyOnWriteArrayList<>();
    final List<Node> queries = new CopyOnWriteArrayList<>();
    /** Everything in order: "sent:<tag>:<id>" entries; tests add their own (events). */
    final List<String> journal;
    volatile Function<Node, Node> answers = iq -> {
        throw new AssertionError("unexpected query " + iq);
    };
    volatile Consumer<Node> onSend = node -> { };
    private final AtomicInteger ids = new AtomicInteger();

    FakeChannel(List<String> journal) {
        this.journal = journal;
    }

    @Override
    public CompletableFuture<Void> send(Node node) {
        onSend.accept(node);
        sent.add(node);
        journal.add("sent:" + node.tag() + ":" + node.attrs().optionalString("id").orElse(""));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Node> query(Node iq) {
        queries.add(iq);
        try {
            return CompletableFuture.completedFuture(answers.apply(iq));
        } catch (RuntimeException | AssertionError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void pauseReading(boolean paused) {
        journal.add("reading:" + (paused ? "paused" : "resumed"));
    }

    @Override
    public String nextIqId() {
        return "q" + ids.incrementAndGet();
    }

    List<Node> sent(String tag) {
        return sent.stream().filter(n -> n.tag().equals(tag)).toList();
    }
}
