package io.tryx.simulator.calls;

import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call placed by {@code caller}'s mock phone to {@code callee}: ringing until a callee device rejects it or it
 * is terminated. Records which companions the offer was written to and which acknowledged a call stanza.
 * Thread-safe (its mutable state is guarded by itself).
 */
public final class Call {

    /** Where a call stands. */
    public enum State { RINGING, REJECTED, TERMINATED }

    private final String id;
    private final Account caller;
    private final Account callee;
    private final boolean video;
    private final Jid group;
    private final long offeredAt;
    private State state = State.RINGING;
    private Jid rejectedBy;
    private String reason;
    private final Set<Jid> offeredTo = new LinkedHashSet<>();
    private final Set<Jid> acknowledgedBy = new LinkedHashSet<>();

    Call(String id, Account caller, Account callee, boolean video, Jid group, long offeredAt) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.video = video;
        this.group = group;
        this.offeredAt = offeredAt;
    }

    public String id() {
        return id;
    }

    public Account caller() {
        return caller;
    }

    public Account callee() {
        return callee;
    }

    public boolean video() {
        return video;
    }

    /** The group of a group call, null for 1:1. */
    public Jid group() {
        return group;
    }

    public synchronized State state() {
        return state;
    }

    synchronized void offeredTo(Jid device) {
        offeredTo.add(device);
    }

    synchronized List<Jid> offeredTo() {
        return new ArrayList<>(offeredTo);
    }

    synchronized void acknowledged(Jid device) {
        acknowledgedBy.add(device);
    }

    /** Ends a ringing call as rejected by {@code device}; false when it had ended already. */
    synchronized boolean reject(Jid device) {
        if (state != State.RINGING) {
            return false;
        }
        state = State.REJECTED;
        rejectedBy = device;
        return true;
    }

    /** Ends a ringing call with {@code why} (null: none given); false when it had ended already. */
    synchronized boolean terminate(String why) {
        if (state != State.RINGING) {
            return false;
        }
        state = State.TERMINATED;
        reason = why;
        return true;
    }

    /** The admin API's view. */
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("callId", id);
        view.put("caller", caller.jid().toString());
        view.put("callee", callee.jid().toString());
        view.put("video", video);
        view.put("group", group == null ? null : group.toString());
        view.put("t", offeredAt);
        view.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        view.put("rejectedBy", rejectedBy == null ? null : rejectedBy.toString());
        view.put("reason", reason);
        view.put("offeredTo", offeredTo.stream().map(Jid::toString).toList());
        view.put("acknowledgedBy", acknowledgedBy.stream().map(Jid::toString).toList());
        return view;
    }
}
