package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * What every group IQ handler needs (registry, directory, notifier, clock) and the checks they share, each
 * answering the real server's code: not logged in 401, an IQ {@code to} that is no group JID 400, an unknown
 * group 404, an actor who is no participant 403 (whatsmeow's "not in group"), a participant who is no admin
 * where one is needed 401 (its "not authorized").
 */
public record GroupContext(GroupRegistry registry, Directory directory, GroupNotifier notifier, InstantSource clock) {

    /** The logged-in account of the connection. */
    public Account actor(ChatConnection connection) {
        if (connection.device() == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        return connection.device().account();
    }

    /** The group in the IQ's {@code to}. */
    public Group group(Node iq) {
        String to = iq.attrs().optionalString("to").orElse("");
        Jid jid;
        try {
            jid = Jid.parse(to);
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "bad group jid " + to);
        }
        if (!jid.isGroup()) {
            throw new IqException(IqError.BAD_REQUEST, "not a group jid: " + to);
        }
        return registry.find(jid).orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no group " + to));
    }

    /** The actor's role; 403 when it is no participant. */
    public GroupRole member(Group group, Account actor) {
        return group.role(actor).orElseThrow(() -> new IqException(IqError.FORBIDDEN, actor.phone() + " is not in " + group));
    }

    /** 403 when the actor is no participant, 401 when it is no admin. */
    public void admin(Group group, Account actor) {
        if (!member(group, actor).isAdmin()) {
            throw new IqException(IqError.NOT_AUTHORIZED, actor.phone() + " is no admin of " + group);
        }
    }

    /** The account of a participant JID (phone or LID user), empty for unknown users or bad JIDs. */
    public Optional<Account> account(String jid) {
        try {
            return directory.account(Jid.parse(jid));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Seconds since the epoch. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** A node's content as text, whether it came as a string or as (UTF-8) bytes. */
    static Optional<String> text(Node node) {
        return node.contentText().or(() -> node.contentBytes().map(b -> new String(b, StandardCharsets.UTF_8)));
    }

    /** A non-negative integer attribute; 400 when it is no number. */
    static int number(Node node, String name, int absent) {
        try {
            long value = node.attrs().optionalLong(name).orElse((long) absent);
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IqException(IqError.BAD_REQUEST, name + " out of range");
            }
            return (int) value;
        } catch (IqException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, name + " is no number");
        }
    }

    /** The IQ's first child, which names the operation. */
    static Node operation(Node iq) {
        return iq.children().stream().findFirst()
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "group IQ without a child"));
    }
}
