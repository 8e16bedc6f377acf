package io.tryx.protocol.appstate;

/** What a mutation does to its index: set a value or remove it (wire values of SyncdOperation). */
public enum MutationOperation {
    SET(0),
    REMOVE(1);

    private final int wireValue;

    MutationOperation(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }
}
