package io.tryx.protocol.client.appstate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Syncs and uploads of an account run one after the other, each starting when the previous one ended. */
class SerialQueueTest {

    @Test
    void aTaskStartsOnlyWhenThePreviousCompletedAndAFailureDoesNotStopTheQueue() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialQueue queue = new SerialQueue(pool);
            List<String> trace = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            CompletableFuture<Void> first = queue.submit(() -> {
                trace.add("first started");
                return gate.thenRun(() -> trace.add("first ended"));
            });
            CompletableFuture<Void> failing = queue.submit(() -> {
                trace.add("second");
                throw new IllegalStateException("boom");
            });
            CompletableFuture<String> third = queue.submit(() -> {
                trace.add("third");
                return CompletableFuture.completedFuture("done");
            });
            assertThat(third).isNotDone();
            gate.complete(null);

            assertThat(third.join()).isEqualTo("done");
            assertThat(first).isCompleted();
            assertThatThrownBy(failing::join).hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat(trace).containsExactly("first started", "first ended", "second", "third");
        } finally {
            pool.shutdownNow();
        }
    }
}
