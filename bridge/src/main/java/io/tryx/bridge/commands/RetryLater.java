package io.tryx.bridge.commands;

/**
 * A command record that could not be taken for a passing reason outside the record (the schema registry is
 * unreachable): it is neither answered nor dead-lettered; the consumer seeks back and takes the batch again.
 */
final class RetryLater extends RuntimeException {

    RetryLater(String message, Throwable cause) {
        super(message, cause);
    }
}
