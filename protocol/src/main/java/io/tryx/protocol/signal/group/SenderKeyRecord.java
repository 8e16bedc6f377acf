package io.tryx.protocol.signal.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sender keys we hold for one (group, sender device): up to {@value #MAX_STATES} states, newest last,
 * so messages under a previous key id (the sender rotated) still decrypt. Records are values to the store.
 */
public final class SenderKeyRecord {

    /** Sender-key states kept per record. */
    public static final int MAX_STATES = 5;

    final List<SenderKeyState> states;

    SenderKeyRecord(List<SenderKeyState> states) {
        this.states = states;
    }

    public static SenderKeyRecord empty() {
        return new SenderKeyRecord(new ArrayList<>());
    }

    public static SenderKeyRecord deserialize(byte[] bytes) {
        return SenderKeyRecordCodec.decode(bytes);
    }

    public byte[] serialize() {
        return SenderKeyRecordCodec.encode(this);
    }

    public boolean isEmpty() {
        return states.isEmpty();
    }

    /** The newest state: the one we encrypt with when the record is ours. */
    public Optional<SenderKeyState> currentState() {
        return states.isEmpty() ? Optional.empty() : Optional.of(states.getLast());
    }

    /** The newest state with this key id. */
    public Optional<SenderKeyState> state(int keyId) {
        for (int i = states.size() - 1; i >= 0; i--) {
            if (states.get(i).keyId == keyId) {
                return Optional.of(states.get(i));
            }
        }
        return Optional.empty();
    }

    /** All states, oldest first. */
    public List<SenderKeyState> states() {
        return List.copyOf(states);
    }

    SenderKeyRecord copy() {
        return new SenderKeyRecord(new ArrayList<>(states));
    }

    void replace(SenderKeyState original, SenderKeyState updated) {
        states.replaceAll(s -> s == original ? updated : s);
    }

    void add(SenderKeyState state) {
        states.add(state);
        while (states.size() > MAX_STATES) {
            states.removeFirst();
        }
    }
}
