package io.tryx.protocol.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Runs the account's pruning (old sent messages, decrypted-buffer entries and message secrets) on the workers after
 * each login and then every {@code period} while the connection lasts, so an account that stays connected for weeks
 * does not keep them forever. Stops when the connection ends; the next login starts it again.
 */
final class Housekeeping implements ClientListener {

    static final Duration PERIOD = Duration.ofHours(6);

    private final ClientScheduler scheduler;
    private final Executor workers;
    private final Runnable prune;
    private final Duration period;
    private Cancellable timer;
    private int generation;

    Housekeeping(ClientScheduler scheduler, Executor workers, Runnable prune, Duration period) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.prune = Objects.requireNonNull(prune, "prune");
        this.period = Objects.requireNonNull(period, "period");
    }

    @Override
    public synchronized void onEvent(ClientEvent event) {
        switch (event) {
            case ClientEvent.Connected connected -> {
                stop();
                run(generation);
            }
            case ClientEvent.Disconnected d -> stop();
            case ClientEvent.LoggedOut l -> stop();
            case ClientEvent.StreamReplaced r -> stop();
            default -> {
            }
        }
    }

    /** Cancels the next run (the connection ended or the client closes). */
    synchronized void stop() {
        generation++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private synchronized void run(int gen) {
        if (gen != generation) {
            return;
        }
        workers.execute(prune);
        timer = scheduler.schedule(period, () -> run(gen));
    }
}
