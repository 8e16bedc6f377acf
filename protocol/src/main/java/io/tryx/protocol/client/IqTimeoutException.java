package io.tryx.protocol.client;

/** An IQ got no answer in time. */
public final class IqTimeoutException extends RuntimeException {

    public IqTimeoutException(String id) {
        super("no answer to iq " + id);
    }
}
