package io.tryx.protocol.client.groups;

/** A change to a group's participants; {@link #wire()} is the IQ child and notification element it travels as. */
public enum ParticipantAction {
    ADD("add"), REMOVE("remove"), PROMOTE("promote"), DEMOTE("demote");

    private final String wire;

    ParticipantAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The action of an element name, or null when it names none. */
    public static ParticipantAction fromWire(String tag) {
        for (ParticipantAction action : values()) {
            if (action.wire.equals(tag)) {
                return action;
            }
        }
        return null;
    }
}
