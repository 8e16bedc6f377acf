package io.tryx.protocol.client.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Per-key order, parallel keys, asynchronous tasks, failures that do not stop a lane. */
class OrderedLanesTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final OrderedLanes<String> lanes = new OrderedLanes<>(pool);

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunInOrderOneAtATime() {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, Integer> running = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            for (String key : List.of("a", "b", "c")) {
                lanes.run(key, () -> {
                    if (running.merge(key, 1, Integer::sum) > 1) {
                        overlaps.add(key);
                    }
                    seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
                    running.merge(key, -1, Integer::sum);
                    return null;
                });
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeLanes() == 0);
        for (String key : List.of("a", "b", "c")) {
            assertThat(seen.get(key)).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
        }
        assertThat(overlaps).isEmpty();
    }

    @Test
    void aBlockedKeyDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocked = lanes.submit("slow", () -> CompletableFuture.runAsync(() -> { }, pool)
                .thenCompose(v -> CompletableFuture.supplyAsync(() -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }, pool)));
        CompletableFuture<String> waiting = lanes.run("slow", () -> "after");
        CompletableFuture<String> other = lanes.run("fast", () -> "done");
        assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(waiting).isNotDone();
        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(blocked).isDone();
    }

    @Test
    void anAsynchronousTaskHoldsItsLaneUntilItsStageCompletes() throws Exception {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletableFuture<String> first = lanes.submit("k", () -> gate);
        CompletableFuture<String> second = lanes.run("k", () -> "second");
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        gate.complete("first");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void aFailingTaskFailsItsResultOnlyAndTheLaneGoesOn() throws Exception {
        CompletableFuture<String> failing = lanes.run("k", () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = lanes.run("k", () -> "next");
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
        await().atMost(Duration.ofSeconds(2)).until(() -> lanes.activeLanes() == 0);
    }

    @Test
    void aShutDownExecutorFailsQueuedTasksInsteadOfHangingThem() {
        pool.shutdown();
        CompletableFuture<String> rejected = lanes.run("k", () -> "never");
        assertThat(rejected).isCompletedExceptionally();
        assertThat(lanes.activeLanes()).isZero();
    }
}
