package io.tryx.protocol.signal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything stored for one address: the current session state and up to
 * {@value SessionLimits#MAX_ARCHIVED_STATES} archived ones (most recent first), so messages sent on an
 * older session (a peer that reinstalled, crossed session setups) still decrypt.
 *
 * <p>Records are values to the store: the cipher never changes a record it loaded, it stores a new one.
 */
public final class SessionRecord {

    SessionState current;
    final List<SessionState> previous;

    SessionRecord(SessionState current, List<SessionState> previous) {
        this.current = current;
        this.previous = previous;
    }

    /** A record with no session. */
    public static SessionRecord empty() {
        return new SessionRecord(null, new ArrayList<>());
    }

    /** Reads the versioned protobuf form written by {@link #serialize()}. */
    public static SessionRecord deserialize(byte[] bytes) {
        return SessionRecordCodec.decode(bytes);
    }

    /** The versioned protobuf form. */
    public byte[] serialize() {
        return SessionRecordCodec.encode(this);
    }

    /** The session new messages are sent on, if any. */
    public Optional<SessionState> currentState() {
        return Optional.ofNullable(current);
    }

    /** Archived states, most recent first. */
    public List<SessionState> previousStates() {
        return List.copyOf(previous);
    }

    /** A copy sharing the states: operations replace a state with a changed copy, never change it in place. */
    SessionRecord copy() {
        return new SessionRecord(current, new ArrayList<>(previous));
    }

    /** Makes {@code state} current, archiving the previous current state (bounded). */
    void promote(SessionState state) {
        previous.removeIf(s -> s == state);
        if (current != null) {
            previous.addFirst(current);
        }
        current = state;
        while (previous.size() > SessionLimits.MAX_ARCHIVED_STATES) {
            previous.removeLast();
        }
    }

    /** Puts {@code updated} where {@code original} was (current or archived). */
    void replace(SessionState original, SessionState updated) {
        if (current == original) {
            current = updated;
            return;
        }
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i) == original) {
                previous.set(i, updated);
                return;
            }
        }
        throw new IllegalStateException("state is not part of this record");
    }

    /** The state (current or archived) set up with this base key. */
    SessionState stateWithBaseKey(byte[] baseKey) {
        if (current != null && current.hasBaseKey(baseKey)) {
            return current;
        }
        for (SessionState state : previous) {
            if (state.hasBaseKey(baseKey)) {
                return state;
            }
        }
        return null;
    }
}
