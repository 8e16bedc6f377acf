package io.tryx.protocol.client;

/** The connection ended while a request was pending or before a request could be sent. */
public final class ConnectionClosedException extends RuntimeException {

    public ConnectionClosedException(String message) {
        super(message);
    }
}
