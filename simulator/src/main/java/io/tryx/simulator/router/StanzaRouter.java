package io.tryx.simulator.router;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.connection.ChatConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes stanzas of logged-in (or pairing) connections: IQs by {@code xmlns} (and, for answers the client
 * sends to server IQs, by their first child's tag), other stanzas by tag. Nothing a client sends crashes
 * the connection: an IQ without id or type gets {@code 400 bad-request}, an unknown {@code get}/{@code set}
 * gets {@code 501 feature-not-implemented}; another stanza without a handler is logged and, when it has an
 * id, answered with {@code <ack class=tag id=... error="501"/>} (the shape of the server's nack), else dropped.
 */
public final class StanzaRouter {

    private static final Logger log = LoggerFactory.getLogger(StanzaRouter.class);

    private final Map<String, IqHandler> iqHandlers = new ConcurrentHashMap<>();
    private final Map<String, StanzaHandler> responseHandlers = new ConcurrentHashMap<>();
    private final Map<String, StanzaHandler> stanzaHandlers = new ConcurrentHashMap<>();

    /** Registers the handler of {@code iq get/set} with this xmlns. */
    public StanzaRouter iq(String xmlns, IqHandler handler) {
        iqHandlers.put(xmlns, handler);
        return this;
    }

    /** Registers the handler of {@code iq get/set} with this xmlns whose first child has this tag; it wins over {@link #iq(String, IqHandler)}. */
    public StanzaRouter iq(String xmlns, String childTag, IqHandler handler) {
        iqHandlers.put(xmlns + ' ' + childTag, handler);
        return this;
    }

    /** Registers the handler of client {@code iq result/error} whose first child has this tag (e.g. pair-device-sign). */
    public StanzaRouter response(String childTag, StanzaHandler handler) {
        responseHandlers.put(childTag, handler);
        return this;
    }

    /** Registers the handler of non-IQ stanzas with this tag. */
    public StanzaRouter stanza(String tag, StanzaHandler handler) {
        stanzaHandlers.put(tag, handler);
        return this;
    }

    /** The handler registered for non-IQ stanzas with this tag, so a later service can wrap it. */
    public Optional<StanzaHandler> stanzaHandler(String tag) {
        return Optional.ofNullable(stanzaHandlers.get(tag));
    }

    public void route(ChatConnection connection, Node stanza) {
        if (stanza.tag().equals("iq")) {
            routeIq(connection, stanza);
            return;
        }
        StanzaHandler handler = stanzaHandlers.get(stanza.tag());
        if (handler == null) {
            Optional<String> id = stanza.attrs().optionalString("id");
            if (id.isPresent()) {
                log.info("{}: no handler for <{}>, nacked 501: {}", connection, stanza.tag(), stanza);
                connection.send(Node.builder("ack").attr("class", stanza.tag()).attr("id", id.get())
                        .attr("from", Iqs.SERVER).attr("error", "501").build());
            } else {
                log.info("{}: no handler for <{}>, dropped: {}", connection, stanza.tag(), stanza);
            }
            return;
        }
        handler.handle(connection, stanza);
    }

    private void routeIq(ChatConnection connection, Node iq) {
        Optional<String> id = iq.attrs().optionalString("id");
        Optional<String> type = iq.attrs().optionalString("type");
        if (id.isEmpty() || id.get().isEmpty() || type.isEmpty()) {
            log.warn("{}: IQ without id or type: {}", connection, iq);
            connection.send(Iqs.error(iq, IqError.BAD_REQUEST));
            return;
        }
        switch (type.get()) {
            case "get", "set" -> answer(connection, iq);
            case "result", "error" -> {
                String first = iq.children().isEmpty() ? "" : iq.children().getFirst().tag();
                StanzaHandler handler = responseHandlers.get(first);
                if (handler != null) {
                    handler.handle(connection, iq);
                } else {
                    log.debug("{}: unsolicited IQ {} ignored: {}", connection, type.get(), iq);
                }
            }
            default -> {
                log.warn("{}: IQ with unknown type: {}", connection, iq);
                connection.send(Iqs.error(iq, IqError.BAD_REQUEST));
            }
        }
    }

    private void answer(ChatConnection connection, Node iq) {
        String xmlns = iq.attrs().optionalString("xmlns").orElse("");
        String first = iq.children().isEmpty() ? "" : iq.children().getFirst().tag();
        IqHandler handler = iqHandlers.getOrDefault(xmlns + ' ' + first, iqHandlers.get(xmlns));
        if (handler == null) {
            log.info("{}: no handler for IQ xmlns={}, answering 501: {}", connection, xmlns, iq);
            connection.send(Iqs.error(iq, IqError.FEATURE_NOT_IMPLEMENTED));
            return;
        }
        try {
            Optional<List<Node>> children = handler.handle(connection, iq);
            children.ifPresent(c -> connection.send(Iqs.result(iq, c)));
        } catch (IqException e) {
            log.info("{}: IQ xmlns={} answered {}: {}", connection, xmlns, e.error().code(), e.getMessage());
            connection.send(Iqs.error(iq, e.error()));
        } catch (RuntimeException e) {
            log.error("{}: IQ xmlns={} failed: {}", connection, xmlns, iq, e);
            connection.send(Iqs.error(iq, IqError.INTERNAL_SERVER_ERROR));
        }
    }
}
