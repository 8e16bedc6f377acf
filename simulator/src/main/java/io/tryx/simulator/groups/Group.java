package io.tryx.simulator.groups;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;
import io.tryx.simulator.account.Account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One group chat: its id ({@code <id>@g.us}), creator and creation time, subject, description, settings,
 * invite code, addressing mode, participants with their roles (in joining order), community ties (a parent, or
 * linked to one, or its default announcement group) and, when admins approve joins, the pending join requests. Thread-safe: every method locks the
 * group, and handlers that check then change (is the actor an admin? then promote) hold the same lock with
 * {@code synchronized (group)} so the pair is atomic. {@link #view()} is an immutable snapshot for answers.
 */
public final class Group {

    private final String id;
    private final Jid jid;
    private final Account creator;
    private final long creation;
    private final boolean lidAddressed;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private String subject;
    private Account subjectOwner;
    private long subjectTime;
    private Description description;
    private GroupSettings settings;
    private String inviteCode;
    private String parentApprovalMode;
    private Jid linkedParent;
    private boolean defaultSubGroup;
    private boolean joinApproval;
    private final Map<String, Request> requests = new LinkedHashMap<>();

    Group(String id, Account creator, String subject, long creation, GroupSettings settings, boolean lidAddressed) {
        this.id = Objects.requireNonNull(id, "id");
        this.jid = Jid.user(id, JidServer.GROUP);
        this.creator = Objects.requireNonNull(creator, "creator");
        this.creation = creation;
        this.lidAddressed = lidAddressed;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.subjectOwner = creator;
        this.subjectTime = creation;
        this.settings = Objects.requireNonNull(settings, "settings");
        participants.put(creator.phone(), new Participant(creator, GroupRole.SUPERADMIN));
    }

    /** The bare id (digits), as the {@code id} attribute of {@code <group>} carries it. */
    public String id() {
        return id;
    }

    /** {@code <id>@g.us}. */
    public Jid jid() {
        return jid;
    }

    public Account creator() {
        return creator;
    }

    /**
     * True when the group addresses participants by LID ({@code addressing_mode="lid"}: participants listed by
     * LID with their {@code phone_number}, messages fanned out from LID devices), false for phone numbers.
     */
    public boolean lidAddressed() {
        return lidAddressed;
    }

    /** The role of {@code account}, empty when it is not a participant. */
    public synchronized Optional<GroupRole> role(Account account) {
        return Optional.ofNullable(participants.get(account.phone())).map(Participant::role);
    }

    public synchronized boolean isParticipant(Account account) {
        return participants.containsKey(account.phone());
    }

    /** Adds a participant; false when it already is one. */
    synchronized boolean add(Account account, GroupRole role) {
        return participants.putIfAbsent(account.phone(), new Participant(account, role)) == null;
    }

    /** Removes a participant; false when it was none. */
    synchronized boolean remove(Account account) {
        return participants.remove(account.phone()) != null;
    }

    /** Changes a participant's role; false when it is no participant. */
    synchronized boolean setRole(Account account, GroupRole role) {
        return participants.computeIfPresent(account.phone(), (k, p) -> new Participant(p.account(), role)) != null;
    }

    public synchronized List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    synchronized void subject(String newSubject, Account owner, long time) {
        this.subject = newSubject;
        this.subjectOwner = owner;
        this.subjectTime = time;
    }

    /** The current description, empty when none is set. */
    public synchronized Optional<Description> description() {
        return Optional.ofNullable(description);
    }

    synchronized void description(Description newDescription) {
        this.description = newDescription;
    }

    public synchronized GroupSettings settings() {
        return settings;
    }

    synchronized GroupSettings updateSettings(UnaryOperator<GroupSettings> change) {
        settings = change.apply(settings);
        return settings;
    }

    /** The current invite code, empty until an admin first asks for it. */
    public synchronized Optional<String> inviteCode() {
        return Optional.ofNullable(inviteCode);
    }

    synchronized void inviteCode(String code) {
        this.inviteCode = code;
    }

    /** True when the group is a community (a parent that groups are linked to). */
    public synchronized boolean isParent() {
        return parentApprovalMode != null;
    }

    /** Makes the group a community; {@code approvalMode} is its {@code default_membership_approval_mode}. */
    synchronized void makeParent(String approvalMode) {
        this.parentApprovalMode = Objects.requireNonNull(approvalMode, "approvalMode");
    }

    /** The community this group is linked to, empty when none. */
    public synchronized Optional<Jid> linkedParent() {
        return Optional.ofNullable(linkedParent);
    }

    /** Links the group to a community ({@code parent}) or unlinks it ({@code null}). */
    synchronized void linkedParent(Jid parent) {
        this.linkedParent = parent;
    }

    /** True when the group is its community's announcement group (made with it, never unlinked). */
    public synchronized boolean isDefaultSubGroup() {
        return defaultSubGroup;
    }

    synchronized void markDefaultSubGroup() {
        this.defaultSubGroup = true;
    }

    /** True when admins approve who joins: a join by invite becomes a {@link Request}. */
    public synchronized boolean joinApproval() {
        return joinApproval;
    }

    synchronized void joinApproval(boolean on) {
        this.joinApproval = on;
    }

    /** Records a join request; false when {@code account} already asked. */
    synchronized boolean request(Account account, long time) {
        return requests.putIfAbsent(account.phone(), new Request(account, time)) == null;
    }

    /** Ends {@code account}'s request (approved, rejected or withdrawn); empty when it had none. */
    synchronized Optional<Request> takeRequest(Account account) {
        return Optional.ofNullable(requests.remove(account.phone()));
    }

    /** The pending join requests, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests.values());
    }

    /** An immutable snapshot of everything an answer or notification shows. */
    public synchronized GroupView view() {
        return new GroupView(id, jid, creator, creation, subject, subjectOwner, subjectTime,
                Optional.ofNullable(description), settings, new ArrayList<>(participants.values()), lidAddressed,
                Optional.ofNullable(parentApprovalMode), Optional.ofNullable(linkedParent), defaultSubGroup, joinApproval,
                new ArrayList<>(requests.values()));
    }

    @Override
    public String toString() {
        return "Group[" + jid + "]";
    }

    /** A participant and its role. */
    public record Participant(Account account, GroupRole role) {
    }

    /** The group description: its id (each edit gets a new one), text, who set it and when. */
    public record Description(String id, String text, Account owner, long time) {
    }

    /** A pending request to join: who asked and when (seconds since the epoch). */
    public record Request(Account account, long time) {
    }

    /**
     * A snapshot of a group; {@code parentApprovalMode} is present for a community, {@code linkedParent} for a
     * group linked to one.
     */
    public record GroupView(String id, Jid jid, Account creator, long creation, String subject, Account subjectOwner,
                            long subjectTime, Optional<Description> description, GroupSettings settings,
                            List<Participant> participants, boolean lidAddressed, Optional<String> parentApprovalMode,
                            Optional<Jid> linkedParent, boolean defaultSubGroup, boolean joinApproval,
                            List<Request> requests) {
        public GroupView {
            participants = List.copyOf(participants);
            requests = List.copyOf(requests);
        }
    }
}
