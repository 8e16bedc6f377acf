package io.tryx.protocol.client.groups;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group metadata for sending: served from memory once known, otherwise asked with
 * {@code <iq xmlns="w:g2" type="get" to=group><query request="interactive"/></iq>}. Entries are replaced by
 * fresher answers and by {@code create} notifications and dropped on any other change notification of the group, so
 * the next send asks again. Thread-safe; holds one entry per group the account sent to or changed.
 */
public final class GroupDirectory {

    private final StanzaChannel channel;
    private final Map<Jid, GroupInfo> known = new ConcurrentHashMap<>();

    public GroupDirectory(StanzaChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** The group's metadata, from memory or from the server. */
    public CompletableFuture<GroupInfo> info(Jid group) {
        GroupInfo cached = known.get(group);
        return cached != null ? CompletableFuture.completedFuture(cached) : fetch(group);
    }

    /** The group's metadata from the server (remembered); fails with the server's {@code IqException}. */
    public CompletableFuture<GroupInfo> fetch(Jid group) {
        Node query = GroupNodes.iq(channel.nextIqId(), "get", group, Node.builder("query").attr("request", "interactive").build());
        return channel.query(query).thenApply(answer -> remember(GroupNodes.parseGroup(answer.child("group").orElseThrow(
                () -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "group metadata answer without group")))));
    }

    /** What is in memory for the group, without asking. */
    public Optional<GroupInfo> cached(Jid group) {
        return Optional.ofNullable(known.get(group));
    }

    /** Remembers fresh metadata; returns it. */
    public GroupInfo remember(GroupInfo info) {
        known.put(info.jid(), info);
        return info;
    }

    /** Drops what is known of the group (it changed). */
    public void forget(Jid group) {
        known.remove(group);
    }
}
