package io.tryx.simulator.bench;

import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The soak's bookkeeping: when each numbered message was sent, how often it arrived, its send-to-receive latency,
 * and an in-flight window (a permit is taken per send and given back on the first arrival or a failed send, so the
 * number of messages between sender and receiver stays bounded).
 */
final class SoakTally {

    /** Texts of the soak's messages start with this, then the message's number. */
    static final String PREFIX = "soak:";

    private final AtomicLongArray sentAt;
    private final AtomicLongArray latency;
    private final AtomicIntegerArray arrivals;
    private final Semaphore window;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong undecryptable = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();

    SoakTally(int messages, int window) {
        this.sentAt = new AtomicLongArray(messages);
        this.latency = new AtomicLongArray(messages);
        this.arrivals = new AtomicIntegerArray(messages);
        this.window = new Semaphore(window);
    }

    /** Blocks until the window has room, then stamps message {@code seq} as sent now. */
    void beforeSend(int seq) throws InterruptedException {
        window.acquire();
        sentAt.set(seq, System.nanoTime());
    }

    void sendFailed() {
        sendFailures.incrementAndGet();
        window.release();
    }

    /** Counts one arrival of a text; texts that are not the soak's (the phone's setup messages) are ignored. */
    void arrived(String text) {
        if (!text.startsWith(PREFIX)) {
            return;
        }
        int seq;
        try {
            seq = Integer.parseInt(text.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            foreign.incrementAndGet();
            return;
        }
        if (seq < 0 || seq >= arrivals.length()) {
            foreign.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        if (arrivals.getAndIncrement(seq) == 0) {
            latency.set(seq, now - sentAt.get(seq));
            received.incrementAndGet();
            window.release();
        } else {
            duplicates.incrementAndGet();
        }
    }

    void undecryptable() {
        undecryptable.incrementAndGet();
    }

    long received() {
        return received.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long undecryptableCount() {
        return undecryptable.get();
    }

    long sendFailures() {
        return sendFailures.get();
    }

    long foreign() {
        return foreign.get();
    }

    /** The latency percentile {@code p} (0..1) over arrived messages, in milliseconds. */
    double latencyMillis(double p) {
        long[] arrived = new long[(int) received.get()];
        int n = 0;
        for (int i = 0; i < arrivals.length() && n < arrived.length; i++) {
            if (arrivals.get(i) > 0) {
                arrived[n++] = latency.get(i);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(arrived, 0, n);
        int rank = Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
        return arrived[rank] / 1e6;
    }
}
