package io.tryx.simulator.connection;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Faults injected into one connection's outbound path (admin fault endpoint), for tests of clients' slow or lossy
 * links: {@link #drop(String)} says whether the next node (any, or only a {@code message}) is discarded before it is sealed (so the Noise counter and the
 * stream stay valid, the node is simply never sent), and {@link #write} holds sealed frames for the set delay on
 * the connection's own thread (scheduled, never sleeping) and writes them in their original order. Confined to the
 * connection's thread.
 */
final class OutboundFaults {

    private final Transport transport;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private Duration delay = Duration.ZERO;
    private int dropNext;
    private int dropMessages;
    private Runnable onDrained;

    OutboundFaults(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Sets the delay of every later frame, the number of next nodes and of next {@code message} stanzas to drop. */
    void set(Duration newDelay, int newDropNext, int newDropMessages) {
        if (newDelay.isNegative() || newDropNext < 0 || newDropMessages < 0) {
            throw new IllegalArgumentException("delay and drop counts must not be negative");
        }
        this.delay = newDelay;
        this.dropNext = newDropNext;
        this.dropMessages = newDropMessages;
    }

    /** The faults now in force. */
    FaultState state() {
        return new FaultState(delay.toMillis(), dropNext, dropMessages, held.size());
    }

    /** True when {@code tag}, the next node, is to be dropped (and counts it). */
    boolean drop(String tag) {
        if (dropNext > 0) {
            dropNext--;
            return true;
        }
        if (dropMessages > 0 && tag.equals("message")) {
            dropMessages--;
            return true;
        }
        return false;
    }

    /** Writes {@code frame} now, or after the delay and behind every frame still held. */
    void write(byte[] frame) {
        if (held.isEmpty() && delay.isZero()) {
            transport.write(frame);
            return;
        }
        Held entry = new Held(frame);
        held.add(entry);
        if (delay.isZero()) {
            entry.ready = true;
            release();
        } else {
            transport.schedule(() -> {
                entry.ready = true;
                release();
            }, delay);
        }
    }

    /** Runs {@code task} once no frame is held any more (at once when none is). */
    void whenDrained(Runnable task) {
        if (held.isEmpty()) {
            task.run();
        } else {
            onDrained = task;
        }
    }

    private void release() {
        while (!held.isEmpty() && held.peek().ready) {
            transport.write(held.poll().frame);
        }
        if (held.isEmpty() && onDrained != null) {
            Runnable task = onDrained;
            onDrained = null;
            task.run();
        }
    }

    private static final class Held {
        private final byte[] frame;
        private boolean ready;

        Held(byte[] frame) {
            this.frame = frame;
        }
    }
}
