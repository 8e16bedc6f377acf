package io.tryx.simulator.social;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.contacts.Contacts;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.privacy.Blocklist;
import io.tryx.simulator.router.StanzaHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Sits in front of the {@code message} routing: a 1:1 message to an account that blocked the sender is acked as
 * usual ({@code <ack class="message" id from=to t/>}, the sender cannot tell) and delivered to nobody; any other
 * 1:1 message makes sender and recipient {@link Contacts} and goes on to the wrapped handler, as do group messages
 * and everything it cannot read.
 */
final class MessageGate implements StanzaHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageGate.class);

    private final StanzaHandler next;
    private final Directory directory;
    private final Blocklist blocklist;
    private final Contacts contacts;
    private final InstantSource clock;

    MessageGate(StanzaHandler next, Directory directory, Blocklist blocklist, Contacts contacts, InstantSource clock) {
        this.next = next;
        this.directory = directory;
        this.blocklist = blocklist;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public void handle(ChatConnection connection, Node stanza) {
        Optional<Account> recipient = recipient(stanza);
        Optional<String> id = stanza.attrs().optionalString("id").filter(s -> !s.isEmpty());
        if (connection.device() == null || recipient.isEmpty() || id.isEmpty()) {
            next.handle(connection, stanza);
            return;
        }
        Account sender = connection.device().account();
        if (recipient.get() != sender && blocklist.isBlocked(recipient.get(), sender)) {
            log.info("message {} from {} to {} who blocked the sender: acked, not delivered", id.get(), sender.phone(),
                    recipient.get().phone());
            connection.send(Node.builder("ack").attr("class", "message").attr("id", id.get())
                    .attr("from", stanza.attrs().string("to")).attr("t", clock.instant().getEpochSecond()).build());
            return;
        }
        contacts.add(sender, recipient.get());
        next.handle(connection, stanza);
    }

    private Optional<Account> recipient(Node stanza) {
        try {
            return stanza.attrs().optionalString("to").map(Jid::parse)
                    .filter(to -> to.isPhoneUser() || to.isLid()).flatMap(directory::account);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
