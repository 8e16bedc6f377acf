package io.tryx.protocol.client.iq;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * IQ round trips of the social namespaces: {@code <iq id xmlns type to="s.whatsapp.net" target?>children</iq>}
 * sent through a {@link StanzaChannel}, with the server's refusals ({@link IqException}) refined into typed ones.
 */
public final class IqCalls {

    private final StanzaChannel channel;

    public IqCalls(StanzaChannel channel) {
        this.channel = channel;
    }

    /** Sends {@code <iq xmlns type to=s.whatsapp.net>children</iq>} and completes with the answer. */
    public CompletableFuture<Node> query(String xmlns, String type, Node... children) {
        return channel.query(builder(xmlns, type).children(children).build());
    }

    /** As {@link #query} with a {@code target} attribute (the user a picture IQ is about). */
    public CompletableFuture<Node> queryTarget(String xmlns, String type, Jid target, Node... children) {
        return channel.query(builder(xmlns, type).attr("target", target).children(children).build());
    }

    /** Sends a stanza that has no answer (presence, chat state); completes once written. */
    public CompletableFuture<Void> send(Node stanza) {
        return channel.send(stanza);
    }

    /** A fresh IQ or stanza id. */
    public String nextId() {
        return channel.nextIqId();
    }

    private Node.Builder builder(String xmlns, String type) {
        return Node.builder("iq").attr("id", channel.nextIqId()).attr("xmlns", xmlns).attr("type", type)
                .attr("to", Jid.USER_SERVER);
    }

    /**
     * {@code future}, with an {@link IqException} failure replaced by what {@code refine} makes of it (the same
     * exception when it has nothing more specific).
     */
    public static <T> CompletableFuture<T> refine(CompletableFuture<T> future, Function<IqException, ? extends RuntimeException> refine) {
        return future.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof IqException iq) {
                throw refine.apply(iq);
            }
            throw error instanceof CompletionException c ? c : new CompletionException(cause);
        });
    }

    /** The cause under {@link CompletionException} / {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A node's text, whether it came as bytes or as a string. */
    public static Optional<String> text(Node node) {
        return node.contentBytes().map(b -> new String(b, StandardCharsets.UTF_8)).or(node::contentText);
    }
}
