package io.tryx.protocol.client.calls;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Calls} over a recording channel, a manual timer and a direct executor. */
class CallsTest {

    static final Jid ME = Jid.parse("15550001:4@s.whatsapp.net");
    static final Jid CALLER = Jid.parse("15550002@s.whatsapp.net");

    private final List<Node> sent = new CopyOnWriteArrayList<>();
    private final List<Runnable> timers = new CopyOnWriteArrayList<>();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private volatile Optional<Jid> self = Optional.of(ME);
    private final Calls calls = new Calls(channel(), () -> self, scheduler(), Duration.ofSeconds(5), Runnable::run,
            InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000L)), new Random(1));

    @Test
    void theCallIsAcknowledgedAfterTheListenersAndNotWhenOneFails() {
        calls.addListener(events::add);
        calls.onStanza(offer("S1"));
        assertThat(events).singleElement().isInstanceOf(CallEvent.Offered.class);
        assertThat(sent).containsExactly(Calls.ack(offer("S1")));

        calls.addListener(event -> {
            throw new IllegalStateException("store down");
        });
        calls.onStanza(offer("S2"));
        assertThat(events).hasSize(2);
        assertThat(sent).as("left for redelivery").hasSize(1);

        calls.onStanza(Node.builder("call").attr("from", CALLER).attr("id", "S3").children(Node.of("mystery")).build());
        assertThat(sent).as("an unknown step is acknowledged").hasSize(2);
    }

    @Test
    void aRejectCompletesWithTheServersAckAndFailsOnItsErrorOrTimeout() throws Exception {
        CompletableFuture<Void> first = calls.reject("C1", CALLER);
        Node stanza = sent.getLast();
        assertThat(stanza.attrs().string("from")).isEqualTo("15550001@s.whatsapp.net");
        assertThat(stanza.attrs().string("to")).isEqualTo(CALLER.toString());
        Node reject = stanza.children().getFirst();
        assertThat(reject).isEqualTo(Node.builder("reject").attr("call-id", "C1").attr("call-creator", CALLER)
                .attr("count", "0").build());
        assertThat(first).isNotDone();
        calls.onStanza(Node.builder("ack").attr("class", "call").attr("id", stanza.attrs().string("id")).build());
        first.get();

        CompletableFuture<Void> refused = calls.reject("C2", CALLER);
        calls.onStanza(Node.builder("ack").attr("class", "call").attr("id", sent.getLast().attrs().string("id"))
                .attr("error", "404").build());
        assertThat(code(refused)).isEqualTo(404);

        CompletableFuture<Void> unanswered = calls.reject("C3", CALLER);
        timers.getLast().run();
        assertThat(code(unanswered)).isZero();

        CompletableFuture<Void> lost = calls.reject("C4", CALLER);
        calls.connectionLost();
        assertThat(code(lost)).isEqualTo(-1);

        self = Optional.empty();
        assertThat(code(calls.reject("C5", CALLER))).isEqualTo(-1);
        assertThatThrownBy(() -> calls.reject("C6", Jid.parse("120363000000000001@g.us")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int code(CompletableFuture<Void> future) {
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return ((CallException) e.getCause()).code();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Node offer(String id) {
        return Node.builder("call").attr("from", CALLER).attr("id", id).attr("t", 1_700_000_000L).children(
                Node.builder("offer").attr("call-id", "C" + id).attr("call-creator", CALLER).build()).build();
    }

    private StanzaChannel channel() {
        return new StanzaChannel() {
            @Override
            public CompletableFuture<Void> send(Node node) {
                sent.add(node);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Node> query(Node iq) {
                throw new AssertionError("no queries");
            }

            @Override
            public String nextIqId() {
                return "q";
            }

            @Override
            public void pauseReading(boolean paused) {
            }
        };
    }

    private ClientScheduler scheduler() {
        return (delay, task) -> {
            timers.add(task);
            return () -> timers.remove(task);
        };
    }
}
