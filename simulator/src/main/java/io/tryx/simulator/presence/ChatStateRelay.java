package io.tryx.simulator.presence;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.groups.Group;
import io.tryx.simulator.groups.GroupRegistry;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.privacy.Blocklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Chat states (typing indicators): a client's {@code <chatstate to=jid><composing media?/>|<paused/></chatstate>}
 * reaches the online companions of the recipient as {@code <chatstate from="sender user">state</chatstate>}
 * ({@code from} in the addressing domain of {@code to}), or, for a group, of every other participant as
 * {@code <chatstate from=group participant="sender">state</chatstate>}. Transient: never queued, never acked;
 * a recipient that blocked the sender gets nothing; malformed chat states are dropped.
 */
public final class ChatStateRelay {

    private static final Logger log = LoggerFactory.getLogger(ChatStateRelay.class);
    private static final List<String> STATES = List.of("composing", "paused");

    private final Directory directory;
    private final GroupRegistry groups;
    private final DeviceSessions sessions;
    private final Blocklist blocklist;

    public ChatStateRelay(Directory directory, GroupRegistry groups, DeviceSessions sessions, Blocklist blocklist) {
        this.directory = directory;
        this.groups = groups;
        this.sessions = sessions;
        this.blocklist = blocklist;
    }

    public void handle(ChatConnection connection, Node stanza) {
        LinkedDevice device = connection.device();
        if (device == null) {
            return;
        }
        Optional<Jid> to = jid(stanza.attrs().optionalString("to").orElse(""));
        if (to.isEmpty() || stanza.children().size() != 1 || !STATES.contains(stanza.children().getFirst().tag())) {
            log.info("{}: malformed chatstate dropped: {}", connection, stanza);
            return;
        }
        Node state = stanza.children().getFirst();
        Account sender = device.account();
        if (to.get().isGroup()) {
            Optional<Group> group = groups.find(to.get());
            if (group.isEmpty() || !group.get().isParticipant(sender)) {
                log.info("{}: chatstate to unknown group or from a non-member dropped", connection);
                return;
            }
            Node out = Node.builder("chatstate").attr("from", group.get().jid()).attr("participant", sender.jid())
                    .children(state).build();
            for (Group.Participant participant : group.get().participants()) {
                if (participant.account() != sender) {
                    deliver(sender, participant.account(), out);
                }
            }
            return;
        }
        Optional<Account> recipient = directory.account(to.get());
        if (recipient.isEmpty() || recipient.get() == sender) {
            return;
        }
        Node out = Node.builder("chatstate").attr("from", to.get().isLid() ? sender.lid() : sender.jid())
                .children(state).build();
        deliver(sender, recipient.get(), out);
    }

    private void deliver(Account sender, Account recipient, Node chatState) {
        if (blocklist.isBlocked(recipient, sender)) {
            return;
        }
        for (LinkedDevice companion : recipient.devices()) {
            sessions.connection(companion.jid()).ifPresent(c -> c.execute(() -> c.send(chatState)));
        }
    }

    private static Optional<Jid> jid(String text) {
        try {
            return Optional.of(Jid.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
