package io.tryx.simulator.router;

/** Thrown by a handler to answer the IQ with an error instead of a result. */
public final class IqException extends RuntimeException {

    private final IqError error;

    public IqException(IqError error, String message) {
        super(message);
        this.error = error;
    }

    public IqError error() {
        return error;
    }
}
