package io.tryx.simulator;

import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.connection.Transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link Transport} on the test's thread: writes are queued for the test client, scheduled
 * tasks run when {@link #runDue()} finds them due on the {@link MutableClock}, {@code execute} runs at once.
 */
public final class FakeTransport implements Transport {

    private final MutableClock clock;
    private final List<byte[]> written = new ArrayList<>();
    private final List<Scheduled> scheduled = new ArrayList<>();
    private ChatConnection connection;
    private boolean closed;

    public FakeTransport(MutableClock clock) {
        this.clock = clock;
    }

    void attach(ChatConnection attached) {
        this.connection = attached;
    }

    @Override
    public void write(byte[] bytes) {
        if (!closed) {
            written.add(bytes);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connection.onTransportClosed();
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Scheduled entry = new Scheduled(clock.instant().plus(delay), task);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    /** Runs the scheduled tasks due now. */
    public void runDue() {
        for (Scheduled entry : List.copyOf(scheduled)) {
            if (!entry.due.isAfter(clock.instant())) {
                scheduled.remove(entry);
                entry.task.run();
            }
        }
    }

    /** Takes the bytes written since the last call. */
    public List<byte[]> drain() {
        List<byte[]> out = List.copyOf(written);
        written.clear();
        return out;
    }

    public boolean isClosed() {
        return closed;
    }

    private record Scheduled(Instant due, Runnable task) {
    }
}
