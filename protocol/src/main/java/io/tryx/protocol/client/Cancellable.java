package io.tryx.protocol.client;

/** A scheduled task that can be cancelled. */
@FunctionalInterface
public interface Cancellable {

    void cancel();
}
