package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.StanzaRouter;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The IQs a client sends on its way to and right after {@code open}, answered correctly shaped and empty
 * where the simulator has nothing yet: {@code w:p} ping, {@code passive} active/passive, {@code abt} and
 * {@code w} props, {@code w:stats}, {@code urn:xmpp:whatsapp:push}; client {@code ib} and {@code ack} stanzas are
 * accepted silently. Privacy, blocklist and presence belong to {@code io.tryx.simulator.social}.
 */
public final class SessionIqs {

    private SessionIqs() {
    }

    /** Registers the handlers, including {@link KeysHandler} for {@code encrypt}. */
    public static void register(StanzaRouter router) {
        register(router, device -> { });
    }

    /** As {@link #register(StanzaRouter)}; {@code firstKeyUpload} hears of each device's first key upload. */
    public static void register(StanzaRouter router, Consumer<LinkedDevice> firstKeyUpload) {
        router.iq("w:p", (c, iq) -> {
            requireChild(iq, "ping");
            return Optional.of(List.of());
        });
        router.iq("passive", (c, iq) -> {
            loggedIn(c);
            if (iq.child("active").isEmpty() && iq.child("passive").isEmpty()) {
                throw new IqException(IqError.BAD_REQUEST, "passive IQ needs <active/> or <passive/>");
            }
            return Optional.of(List.of());
        });
        router.iq("encrypt", new KeysHandler(firstKeyUpload));
        router.iq("abt", (c, iq) -> {
            requireChild(iq, "props");
            return Optional.of(List.of(Node.builder("props").attr("protocol", "1").attr("hash", "sim-ab-1").build()));
        });
        router.iq("w", (c, iq) -> {
            requireChild(iq, "props");
            return Optional.of(List.of(Node.builder("props").attr("protocol", "2").attr("hash", "sim-props-1").build()));
        });
        router.iq("w:stats", (c, iq) -> Optional.of(List.of()));
        router.iq("urn:xmpp:whatsapp:push", (c, iq) -> Optional.of(List.of()));
        // client-sent ib (unified_session, ...) needs no answer
        router.stanza("ib", (c, stanza) -> { });
        router.stanza("ack", (c, stanza) -> { });
    }

    private static void requireChild(Node iq, String tag) {
        if (iq.child(tag).isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "missing <" + tag + ">");
        }
    }

    private static void loggedIn(ChatConnection connection) {
        if (connection.device() == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
    }
}
