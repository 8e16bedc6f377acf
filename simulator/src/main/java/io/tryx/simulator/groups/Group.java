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
 * invite code, addressing mode and participants with their roles (in joining order). Thread-safe: every method locks the
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

    /** An immutable snapshot of everything an answer or notification shows. */
    public synchronized GroupView view() {
        return new GroupView(id, jid, creator, creation, subject, subjectOwner, subjectTime,
                Optional.ofNullable(description), settings, new ArrayList<>(participants.values()), lidAddressed);
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

    /** A snapshot of a group. */
    public record GroupView(String id, Jid jid, Account creator, long creation, String subject, Account subjectOwner,
                            long subjectTime, Optional<Description> description, GroupSettings settings,
                            List<Participant> participants, boolean lidAddressed) {
        public GroupView {
            participants = List.copyOf(participants);
        }
    }
}
