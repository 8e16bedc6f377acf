package io.tryx.protocol.client.groups;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.store.DeviceCredentials;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The account's group operations, each one {@code w:g2} IQ round trip (two for {@link #setDescription}, which
 * first reads the current description's id). Results complete when the server answered; a refusal fails the
 * future with {@link IqException} carrying the server's code (400 bad request, 401 not an admin, 403 not in the
 * group, 404 unknown group, 406 bad subject or invite code, 409 conflict, 410 revoked invite). Changes reach the
 * participants (and this account's devices) as {@code w:gp2} notifications, reported as
 * {@link io.tryx.protocol.client.messaging.GroupEvent}s. Invalid arguments (null, a JID that is no group, no
 * participants) throw at once. Thread-safe.
 */
public final class Groups {

    /** The prefix of invite links; {@link #joinByInvite} takes a link or a bare code. */
    public static final String INVITE_LINK_PREFIX = "https://chat.whatsapp.com/";

    private final StanzaChannel channel;
    private final GroupDirectory directory;
    private final CredentialStore credentials;
    private final InstantSource clock;
    private final RandomGenerator random;

    public Groups(StanzaChannel channel, GroupDirectory directory, CredentialStore credentials, InstantSource clock,
                  RandomGenerator random) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Creates a group with us as superadmin and {@code participants} (users) as members; users without an account are left out. */
    public CompletableFuture<GroupInfo> create(String subject, List<Jid> participants) {
        Objects.requireNonNull(subject, "subject");
        Node create = GroupNodes.create(subject, newId(), List.copyOf(participants));
        return set(Jid.GROUP_SERVER, create).thenApply(answer -> directory.remember(GroupNodes.parseGroup(group(answer))));
    }

    /** The group's metadata, asked fresh. */
    public CompletableFuture<GroupInfo> metadata(Jid group) {
        return directory.fetch(groupJid(group));
    }

    /** Every group this account is in. */
    public CompletableFuture<List<GroupInfo>> participating() {
        Node query = Node.builder("participating").children(Node.of("participants"), Node.of("description")).build();
        return query("get", Jid.GROUP_SERVER, query).thenApply(answer -> answer.child("groups").map(g -> g.children("group"))
                .orElse(List.of()).stream().map(GroupNodes::parseGroup).map(directory::remember).toList());
    }

    /** Adds, removes, promotes or demotes participants; one result per requested participant. */
    public CompletableFuture<List<ParticipantResult>> updateParticipants(Jid group, ParticipantAction action,
                                                                         List<Jid> participants) {
        Objects.requireNonNull(action, "action");
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("no participants to " + action.wire());
        }
        Jid target = groupJid(group);
        return set(target, GroupNodes.participants(action, participants)).thenApply(answer -> {
            directory.forget(target);
            return answer.child(action.wire()).map(a -> a.children("participant")).orElse(List.of()).stream()
                    .map(GroupNodes::participantResult).toList();
        });
    }

    public CompletableFuture<List<ParticipantResult>> addParticipants(Jid group, List<Jid> participants) {
        return updateParticipants(group, ParticipantAction.ADD, participants);
    }

    public CompletableFuture<List<ParticipantResult>> removeParticipants(Jid group, List<Jid> participants) {
        return updateParticipants(group, ParticipantAction.REMOVE, participants);
    }

    public CompletableFuture<List<ParticipantResult>> promoteParticipants(Jid group, List<Jid> participants) {
        return updateParticipants(group, ParticipantAction.PROMOTE, participants);
    }

    public CompletableFuture<List<ParticipantResult>> demoteParticipants(Jid group, List<Jid> participants) {
        return updateParticipants(group, ParticipantAction.DEMOTE, participants);
    }

    /** Renames the group. */
    public CompletableFuture<Void> setSubject(Jid group, String subject) {
        Objects.requireNonNull(subject, "subject");
        return change(group, Node.builder("subject").bytes(subject.getBytes(StandardCharsets.UTF_8)).build());
    }

    /** Sets the description; an empty text deletes it. Reads the current description's id first (the server checks it). */
    public CompletableFuture<Void> setDescription(Jid group, String description) {
        Objects.requireNonNull(description, "description");
        Jid target = groupJid(group);
        return directory.fetch(target).thenCompose(current ->
                change(target, GroupNodes.description(newId(), current.descriptionId(), description)));
    }

    /** Changes one setting: announce (only admins send), locked (only admins edit), ephemeral timer, join approval. */
    public CompletableFuture<Void> setting(Jid group, GroupSetting setting) {
        return change(group, GroupNodes.setting(Objects.requireNonNull(setting, "setting")));
    }

    /** Leaves the group. */
    public CompletableFuture<Void> leave(Jid group) {
        Jid target = groupJid(group);
        Node leave = Node.builder("leave").children(Node.builder("group").attr("id", target).build()).build();
        return set(Jid.GROUP_SERVER, leave).thenApply(answer -> {
            directory.forget(target);
            answer.child("leave").flatMap(l -> l.child("group")).flatMap(g -> g.attrs().optionalString("error"))
                    .ifPresent(error -> {
                        throw new IqException(GroupNodes.code(error), "cannot leave " + target, answer);
                    });
            return null;
        });
    }

    /** The group's invite code (admins only); the link is {@link #INVITE_LINK_PREFIX} + code. */
    public CompletableFuture<String> inviteCode(Jid group) {
        return query("get", groupJid(group), Node.of("invite")).thenApply(Groups::code);
    }

    /** Revokes the invite code; completes with the new one. */
    public CompletableFuture<String> revokeInvite(Jid group) {
        return set(groupJid(group), Node.of("invite")).thenApply(Groups::code);
    }

    /** The group an invite code or link leads to, without joining. */
    public CompletableFuture<GroupInfo> inviteInfo(String codeOrLink) {
        return query("get", Jid.GROUP_SERVER, Node.builder("invite").attr("code", stripLink(codeOrLink)).build())
                .thenApply(answer -> GroupNodes.parseGroup(group(answer)));
    }

    /**
     * Joins the group of an invite code or link; completes with its JID. In a group whose admins approve who
     * joins this only asks to join ({@link #join} tells the two apart).
     */
    public CompletableFuture<Jid> joinByInvite(String codeOrLink) {
        return join(codeOrLink).thenApply(InviteJoin::group);
    }

    /**
     * Joins the group of an invite code or link, or, when its admins approve who joins, asks to: the server then
     * answers {@code <membership_approval_request jid/>} and the admins decide ({@link #approveMembershipRequests}).
     */
    public CompletableFuture<InviteJoin> join(String codeOrLink) {
        return set(Jid.GROUP_SERVER, Node.builder("invite").attr("code", stripLink(codeOrLink)).build())
                .thenApply(answer -> {
                    Optional<Node> request = answer.child("membership_approval_request");
                    Node named = request.orElseGet(() -> group(answer));
                    Jid jid = GroupNodes.groupJid(named.attrs().optionalString("jid").orElseThrow(() ->
                            new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "join answer without group jid")));
                    return new InviteJoin(jid, request.isPresent());
                });
    }

    /** Who asked to join the group and waits for an admin ({@code <membership_approval_requests/>}; admins only). */
    public CompletableFuture<List<MembershipRequest>> membershipRequests(Jid group) {
        return query("get", groupJid(group), Node.of("membership_approval_requests")).thenApply(answer ->
                answer.child("membership_approval_requests").map(r -> r.children("membership_approval_request"))
                        .orElse(List.of()).stream()
                        .map(r -> new MembershipRequest(r.attrs().jid("jid").toNonAd(),
                                Instant.ofEpochSecond(r.attrs().optionalLong("request_time").orElse(0L))))
                        .toList());
    }

    /** Lets these requesters in; one result per requester (404 when it had not asked). */
    public CompletableFuture<List<ParticipantResult>> approveMembershipRequests(Jid group, List<Jid> requesters) {
        return decideRequests(group, "approve", requesters);
    }

    /** Turns these requesters away; one result per requester (404 when it had not asked). */
    public CompletableFuture<List<ParticipantResult>> rejectMembershipRequests(Jid group, List<Jid> requesters) {
        return decideRequests(group, "reject", requesters);
    }

    private CompletableFuture<List<ParticipantResult>> decideRequests(Jid group, String decision, List<Jid> requesters) {
        if (requesters.isEmpty()) {
            throw new IllegalArgumentException("no requesters to " + decision);
        }
        Jid target = groupJid(group);
        Node action = Node.builder("membership_requests_action").children(Node.builder(decision)
                .children(requesters.stream().map(p -> Node.builder("participant").attr("jid", p.toNonAd()).build())
                        .toList()).build()).build();
        return set(target, action).thenApply(answer -> {
            directory.forget(target);
            return answer.child("membership_requests_action").flatMap(a -> a.child(decision))
                    .map(d -> d.children("participant")).orElse(List.of()).stream()
                    .map(GroupNodes::participantResult).toList();
        });
    }

    private CompletableFuture<Void> change(Jid group, Node change) {
        Jid target = groupJid(group);
        return set(target, change).thenApply(answer -> {
            directory.forget(target);
            return null;
        });
    }

    private CompletableFuture<Node> set(Jid to, Node child) {
        return query("set", to, child);
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

    private static Node group(Node answer) {
        return answer.child("group").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "answer without group: " + answer));
    }

    private static String code(Node answer) {
        return answer.child("invite").flatMap(i -> i.attrs().optionalString("code")).orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "answer without invite code"));
    }

    private static String stripLink(String codeOrLink) {
        Objects.requireNonNull(codeOrLink, "codeOrLink");
        return codeOrLink.startsWith(INVITE_LINK_PREFIX) ? codeOrLink.substring(INVITE_LINK_PREFIX.length()) : codeOrLink;
    }
}
