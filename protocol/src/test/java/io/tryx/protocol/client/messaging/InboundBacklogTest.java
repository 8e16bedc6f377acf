package io.tryx.protocol.client.messaging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-account inbound backlog: pauses reading at the limit and resumes at the low-water mark, holds, idles. */
class InboundBacklogTest {

    private final List<Boolean> reading = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    private final InboundBacklog backlog = new InboundBacklog(3, 1, reading::add);

    private CompletableFuture<Void> submit(String name) {
        CompletableFuture<Void> work = new CompletableFuture<>();
        backlog.submit(() -> {
            started.add(name);
            return work;
        });
        return work;
    }

    @Test
    void readingPausesAtTheLimitAndResumesAtTheLowWaterMark() {
        CompletableFuture<Void> a = submit("a");
        CompletableFuture<Void> b = submit("b");
        assertThat(reading).isEmpty();
        CompletableFuture<Void> c = submit("c");
        assertThat(reading).containsExactly(true);
        assertThat(backlog.stats()).isEqualTo(new InboundStats(3, 3, 1, true));
        a.complete(null);
        assertThat(reading).as("2 queued: still above the low-water mark").containsExactly(true);
        b.complete(null);
        assertThat(reading).containsExactly(true, false);
        c.complete(null);
        assertThat(backlog.stats()).isEqualTo(new InboundStats(0, 3, 1, false));
    }

    @Test
    void heldWorkStartsInOrderAfterTheEventAndIdleWaitsForEverything() {
        CompletableFuture<Void> a = submit("a");
        CompletableFuture<Void> preview = new CompletableFuture<>();
        backlog.holdUntil(preview);
        CompletableFuture<Void> b = submit("b");
        submit("c").complete(null);
        assertThat(started).containsExactly("a");
        CompletableFuture<Void> idle = backlog.idle();
        preview.complete(null);
        assertThat(started).containsExactly("a", "b", "c");
        a.complete(null);
        assertThat(idle).isNotDone();
        b.complete(null);
        assertThat(idle).isDone();
    }
}
