package io.tryx.bridge.events;

/** An event Kafka did not acknowledge (broker or registry unreachable, record refused, interrupted). */
public final class EventPublishException extends RuntimeException {

    public EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
