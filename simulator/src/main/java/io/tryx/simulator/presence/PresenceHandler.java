package io.tryx.simulator.presence;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.messaging.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A client's {@code <presence>}: {@code type="available"} / {@code "unavailable"} with an optional
 * {@code name} (recorded as the account's push name) sets the device's availability (without a type only the
 * name is taken, as Baileys announces a new name); {@code type="subscribe"
 * to=jid} (a {@code tctoken} child is accepted unchecked) subscribes the session to that user's presence,
 * {@code "unsubscribe"} ends it. See {@link Presences}. Nothing is answered; malformed presences are dropped.
 */
public final class PresenceHandler {

    private static final Logger log = LoggerFactory.getLogger(PresenceHandler.class);

    private final Presences presences;
    private final Directory directory;

    public PresenceHandler(Presences presences, Directory directory) {
        this.presences = presences;
        this.directory = directory;
    }

    public void handle(ChatConnection connection, Node stanza) {
        LinkedDevice device = connection.device();
        if (device == null) {
            return;
        }
        String type = stanza.attrs().optionalString("type").orElse("");
        switch (type) {
            case "" -> device.account().pushName(stanza.attrs().optionalString("name").orElse(null));
            case "available", "unavailable" -> {
                device.account().pushName(stanza.attrs().optionalString("name").orElse(null));
                presences.update(device, type.equals("available"));
            }
            case "subscribe", "unsubscribe" -> target(stanza).ifPresentOrElse(target -> {
                if (type.equals("subscribe")) {
                    presences.subscribe(connection, target, isLid(stanza));
                } else {
                    presences.unsubscribe(connection, target);
                }
            }, () -> log.info("{}: presence {} for no known user dropped: {}", connection, type, stanza));
            default -> log.info("{}: presence of unknown type dropped: {}", connection, stanza);
        }
    }

    private Optional<Account> target(Node stanza) {
        try {
            return stanza.attrs().optionalString("to").map(Jid::parse).flatMap(directory::account);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isLid(Node stanza) {
        return stanza.attrs().optionalString("to").filter(to -> to.endsWith("@lid")).isPresent();
    }
}
