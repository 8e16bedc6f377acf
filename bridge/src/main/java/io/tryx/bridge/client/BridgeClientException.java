package io.tryx.bridge.client;

/**
 * A client of the bridge cannot do its job: a topic is missing (no bridge with that prefix set it up), the
 * bridge's HTTP endpoint does not answer, Kafka refused. The command line prints the message and exits with 1.
 */
public final class BridgeClientException extends RuntimeException {

    public BridgeClientException(String message) {
        super(message);
    }

    public BridgeClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
