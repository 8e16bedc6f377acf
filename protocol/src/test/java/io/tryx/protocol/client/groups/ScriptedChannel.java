package io.tryx.protocol.client.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.StanzaChannel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link StanzaChannel} for IQ-only namespaces: records every query and answers it with {@link #server}. */
public final class ScriptedChannel implements StanzaChannel {

    /** Every IQ asked, in order. */
    public final List<Node> asked = new CopyOnWriteArrayList<>();
    /** Answers an IQ (a thrown exception fails the query); by default an empty result. */
    public volatile Function<Node, Node> server = ScriptedChannel::result;

    @Override
    public CompletableFuture<Void> send(Node node) {
        throw new AssertionError("only queries expected");
    }

    @Override
    public CompletableFuture<Node> query(Node iq) {
        asked.add(iq);
        try {
            return CompletableFuture.completedFuture(server.apply(iq));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String nextIqId() {
        return "q" + asked.size();
    }

    @Override
    public void pauseReading(boolean paused) {
        throw new AssertionError("nothing to read");
    }

    /** {@code <iq id type="result">children</iq>} answering {@code iq}. */
    public static Node result(Node iq, Node... children) {
        return Node.builder("iq").attr("id", iq.attrs().string("id")).attr("type", "result").children(children).build();
    }
}
