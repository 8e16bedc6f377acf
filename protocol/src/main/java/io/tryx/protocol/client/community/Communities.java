package io.tryx.protocol.client.community;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.groups.GroupDirectory;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupNodes;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The account's community operations, each one {@code w:g2} IQ round trip. A community is a parent group
 * ({@link GroupInfo#parent()}) that groups are linked to; the server makes its announcement group (the default
 * sub-group, {@link GroupInfo#defaultSubGroup()}) with it. Refusals fail the future with {@link IqException}
 * carrying the server's code (401 not an admin, 403 not in the community, 404 unknown group, 406 the change is
 * not allowed, 409 already linked elsewhere). Links and unlinks reach the members as
 * {@link io.tryx.protocol.client.messaging.GroupEvent.GroupLinked} and
 * {@link io.tryx.protocol.client.messaging.GroupEvent.GroupUnlinked}. Invalid arguments throw at once. Thread-safe.
 */
public final class Communities {

    /** The only link type the server knows: a group inside a community. */
    static final String SUB_GROUP = "sub_group";

    private final StanzaChannel channel;
    private final GroupDirectory directory;
    private final CredentialStore credentials;
    private final InstantSource clock;
    private final RandomGenerator random;

    public Communities(StanzaChannel channel, GroupDirectory directory, CredentialStore credentials, InstantSource clock,
                       RandomGenerator random) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Creates a community with us as superadmin and {@code participants} as members; completes with the parent
     * group's metadata. Joins by invite need an admin's approval ({@code request_required}), as in the apps.
     */
    public CompletableFuture<GroupInfo> create(String subject, List<Jid> participants) {
        Objects.requireNonNull(subject, "subject");
        Node parent = Node.builder("parent").attr("default_membership_approval_mode", "request_required").build();
        return createWith(subject, participants, parent);
    }

    /** Creates a group inside {@code community} (we must be one of its admins); completes with its metadata. */
    public CompletableFuture<GroupInfo> createGroup(Jid community, String subject, List<Jid> participants) {
        Objects.requireNonNull(subject, "subject");
        return createWith(subject, participants, Node.builder("linked_parent").attr("jid", groupJid(community)).build());
    }

    /** The metadata of a community (or of any group), asked fresh. */
    public CompletableFuture<GroupInfo> metadata(Jid community) {
        return directory.fetch(groupJid(community));
    }

    /** Links an existing group (we must admin both) into the community. */
    public CompletableFuture<Void> link(Jid community, Jid group) {
        Jid parent = groupJid(community);
        Jid child = groupJid(group);
        Node links = Node.builder("links").children(Node.builder("link").attr("link_type", SUB_GROUP)
                .children(Node.builder("group").attr("jid", child).build()).build()).build();
        return query("set", parent, links).thenApply(answer -> {
            forget(parent, child);
            answer.child("links").flatMap(l -> l.child("link")).flatMap(l -> l.child("group"))
                    .ifPresent(g -> refuseOnError(g, "cannot link " + child, answer));
            return null;
        });
    }

    /** Unlinks a group from the community; the community's announcement group cannot be unlinked. */
    public CompletableFuture<Void> unlink(Jid community, Jid group) {
        Jid parent = groupJid(community);
        Jid child = groupJid(group);
        Node unlink = Node.builder("unlink").attr("unlink_type", SUB_GROUP)
                .children(Node.builder("group").attr("jid", child).build()).build();
        return query("set", parent, unlink).thenApply(answer -> {
            forget(parent, child);
            answer.child("unlink").flatMap(l -> l.child("group"))
                    .ifPresent(g -> refuseOnError(g, "cannot unlink " + child, answer));
            return null;
        });
    }

    /** The groups linked to the community, its announcement group among them. */
    public CompletableFuture<List<LinkedGroup>> subGroups(Jid community) {
        return query("get", groupJid(community), Node.of("sub_groups")).thenApply(answer -> answer.child("sub_groups")
                .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "answer without sub_groups"))
                .children("group").stream().map(LinkedGroup::parse).toList());
    }

    /** Everyone in the community's linked groups (each user once). */
    public CompletableFuture<List<Jid>> linkedGroupsParticipants(Jid community) {
        return query("get", groupJid(community), Node.of("linked_groups_participants")).thenApply(answer ->
                answer.child("linked_groups_participants").orElseThrow(() -> new ProtocolException(
                                ProtocolException.Reason.MISSING_FIELD, "answer without linked_groups_participants"))
                        .children("participant").stream().map(p -> p.attrs().jid("jid").toNonAd()).distinct().toList());
    }

    private CompletableFuture<GroupInfo> createWith(String subject, List<Jid> participants, Node extra) {
        Node create = GroupNodes.create(subject, newId(), List.copyOf(participants), List.of(extra));
        return query("set", Jid.GROUP_SERVER, create)
                .thenApply(answer -> directory.remember(GroupNodes.parseGroup(GroupNodes.groupChild(answer))));
    }

    private void forget(Jid parent, Jid child) {
        directory.forget(parent);
        directory.forget(child);
    }

    private static void refuseOnError(Node group, String what, Node answer) {
        group.attrs().optionalString("error").ifPresent(error -> {
            throw new IqException(GroupNodes.code(error), what, answer);
        });
    }

    private CompletableFuture<Node> query(String type, Jid to, Node child) {
        return channel.query(GroupNodes.iq(channel.nextIqId(), type, to, child));
    }

    private String newId() {
        String user = credentials.load().filter(DeviceCredentials::isPaired).map(c -> c.deviceJid().user()).orElse(null);
        return MessageIds.generate(clock.instant(), user, random);
    }

    private static Jid groupJid(Jid group) {
        Objects.requireNonNull(group, "group");
        if (!group.isGroup()) {
            throw new IllegalArgumentException("not a group JID: " + group);
        }
        return group;
    }
}
