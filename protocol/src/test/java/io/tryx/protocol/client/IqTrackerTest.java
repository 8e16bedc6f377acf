package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class IqTrackerTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final IqTracker tracker = new IqTracker(scheduler, Duration.ofSeconds(20), "t.");

    private static Node answer(String id, String type) {
        Node.Builder b = Node.builder("iq").attr("id", id).attr("type", type).attr("from", "s.whatsapp.net");
        if (type.equals("error")) {
            b.children(Node.builder("error").attr("code", "404").attr("text", "item-not-found").build());
        }
        return b.build();
    }

    @Test
    void answersInAnyOrderCompleteTheirOwnRequest() {
        String first = tracker.nextId();
        String second = tracker.nextId();
        assertThat(first).isNotEqualTo(second).startsWith("t.");
        CompletableFuture<Node> a = tracker.register(first);
        CompletableFuture<Node> b = tracker.register(second);

        assertThat(tracker.intercept(answer(second, "result"))).isTrue();
        assertThat(b).isCompleted();
        assertThat(a).isNotDone();
        assertThat(tracker.intercept(answer(first, "result"))).isTrue();
        assertThat(a.join().attrs().string("id")).isEqualTo(first);
        assertThat(tracker.pendingCount()).isZero();
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void errorsFailWithTheirCode() {
        CompletableFuture<Node> a = tracker.register("x");
        tracker.intercept(answer("x", "error"));
        assertThat(a).isCompletedExceptionally();
        assertThat(a.handle((n, e) -> ((IqException) e).code()).join()).isEqualTo(404);
    }

    @Test
    void unknownIdsAndRequestsAreNotConsumed() {
        tracker.register("x");
        assertThat(tracker.intercept(answer("y", "result"))).isFalse();
        assertThat(tracker.intercept(Node.builder("iq").attr("id", "x").attr("type", "set").build())).isFalse();
        assertThat(tracker.intercept(Node.builder("message").attr("id", "x").build())).isFalse();
        assertThat(tracker.pendingCount()).isEqualTo(1);
    }

    @Test
    void unansweredRequestsTimeOutAndLateAnswersAreIgnored() {
        CompletableFuture<Node> a = tracker.register("x");
        scheduler.advance(Duration.ofSeconds(19));
        assertThat(a).isNotDone();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(a.handle((n, e) -> e).join()).isInstanceOf(IqTimeoutException.class);
        assertThat(tracker.intercept(answer("x", "result"))).isFalse();
    }

    @Test
    void failAllFailsWhatIsPending() {
        CompletableFuture<Node> a = tracker.register("x");
        tracker.failAll(new ConnectionClosedException("gone"));
        assertThat(a.handle((n, e) -> e).join()).isInstanceOf(ConnectionClosedException.class);
        assertThat(scheduler.pending()).isEmpty();
    }
}
