package io.tryx.protocol.client.calls;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.Cancellable;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.messaging.OrderedLanes;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The account's calls namespace. Incoming {@code <call>} stanzas become {@link CallEvent}s for the
 * {@link CallListener}s, run on the shared workers in order per call id; each stanza is acknowledged as the real
 * client does ({@code <ack class="call" id to=from [participant] [type]/>}) once the listeners returned, so a
 * listener that fails leaves it for redelivery; a stanza that does not parse is logged and acknowledged.
 * {@link #reject} declines a call offered to the account and completes once the server acknowledged it.
 * Thread-safe.
 */
public final class Calls {

    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    private record Pending(String callId, CompletableFuture<Void> future, Cancellable timeout) {
    }

    private final StanzaChannel channel;
    private final Supplier<Optional<Jid>> self;
    private final ClientScheduler scheduler;
    private final Duration timeout;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final OrderedLanes<String> lanes;
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> pending = new HashMap<>();

    /**
     * @param self    the account's own JID, empty while not logged in
     * @param timeout how long {@link #reject} waits for the server's ack
     */
    public Calls(StanzaChannel channel, Supplier<Optional<Jid>> self, ClientScheduler scheduler, Duration timeout,
                 Executor workers, InstantSource clock, RandomGenerator random) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.self = Objects.requireNonNull(self, "self");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.lanes = new OrderedLanes<>(Objects.requireNonNull(workers, "workers"));
    }

    public void addListener(CallListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Rejects the call {@code callId} that {@code caller} offered to the account: {@code <call id from=us
     * to=caller><reject call-id call-creator=caller count="0"/></call>}. Completes once the server acknowledged it;
     * fails with {@link CallException} when it refused, did not answer in time, or the connection was lost.
     */
    public CompletableFuture<Void> reject(String callId, Jid caller) {
        Objects.requireNonNull(callId, "callId");
        if (callId.isBlank()) {
            throw new IllegalArgumentException("callId is blank");
        }
        Jid to = Objects.requireNonNull(caller, "caller").toNonAd();
        if (!to.isPhoneUser() && !to.isLid()) {
            throw new IllegalArgumentException("calls come from users, not " + caller);
        }
        Optional<Jid> me = self.get().map(Jid::toNonAd);
        if (me.isEmpty()) {
            return CompletableFuture.failedFuture(new CallException(callId, -1, "not logged in"));
        }
        String id = MessageIds.generate(clock.instant(), me.get().user(), random);
        Node stanza = Node.builder("call").attr("id", id).attr("from", me.get()).attr("to", to).children(
                Node.builder("reject").attr("call-id", callId).attr("call-creator", to).attr("count", "0").build())
                .build();
        CompletableFuture<Void> answer = register(id, callId);
        channel.send(stanza).whenComplete((v, error) -> {
            if (error != null) {
                settle(id, new CallException(callId, -1, "reject of " + callId + " not sent: " + error.getMessage()));
            }
        });
        return answer;
    }

    /** Takes {@code call} stanzas and the server's {@code ack class="call"}; never blocks. */
    public void onStanza(Node stanza) {
        switch (stanza.tag()) {
            case "call" -> lanes.run(lane(stanza), () -> {
                handle(stanza);
                return null;
            }).whenComplete((v, error) -> {
                if (error != null) {
                    log.warn("call {} not handled, left for redelivery: {}",
                            stanza.attrs().optionalString("id").orElse(""), error.toString());
                }
            });
            case "ack" -> {
                if (stanza.attrs().optionalString("class").filter("call"::equals).isPresent()) {
                    onAck(stanza);
                }
            }
            default -> { }
        }
    }

    /** Fails the rejects waiting for an ack: the connection they were sent on ended. */
    public void connectionLost() {
        Map<String, Pending> all;
        synchronized (pending) {
            all = new HashMap<>(pending);
            pending.clear();
        }
        all.values().forEach(p -> {
            p.timeout().cancel();
            p.future().completeExceptionally(new CallException(p.callId(), -1, "connection lost before the ack"));
        });
    }

    private void handle(Node stanza) {
        Optional<CallEvent> event;
        try {
            event = CallParser.parse(stanza);
        } catch (ProtocolException | IllegalArgumentException e) {
            log.info("unreadable call dropped: {} ({})", stanza, e.getMessage());
            event = Optional.empty();
        }
        if (event.isEmpty()) {
            log.debug("call stanza without a known step: {}", stanza);
        }
        event.ifPresent(e -> listeners.forEach(l -> l.onCall(e)));
        channel.send(ack(stanza));
    }

    private CompletableFuture<Void> register(String id, String callId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (pending) {
            Cancellable timer = scheduler.schedule(timeout, () -> settle(id,
                    new CallException(callId, 0, "no ack for the reject of " + callId + " within " + timeout)));
            pending.put(id, new Pending(callId, future, timer));
        }
        return future;
    }

    private void onAck(Node ack) {
        String id = ack.attrs().optionalString("id").orElse("");
        Optional<String> error = ack.attrs().optionalString("error");
        Pending request;
        synchronized (pending) {
            request = pending.get(id);
        }
        if (request == null) {
            return;
        }
        settle(id, error.map(code -> new CallException(request.callId(), parse(code),
                "server refused the reject of " + request.callId() + " with error " + code)).orElse(null));
    }

    private void settle(String id, CallException failure) {
        Pending request;
        synchronized (pending) {
            request = pending.remove(id);
        }
        if (request == null) {
            return;
        }
        request.timeout().cancel();
        if (failure == null) {
            request.future().complete(null);
        } else {
            request.future().completeExceptionally(failure);
        }
    }

    /** {@code <ack class="call" id to=from [participant] [type]/>}. */
    static Node ack(Node call) {
        return Node.builder("ack").attr("class", "call")
                .attr("id", call.attrs().optionalString("id").orElse(""))
                .attr("to", call.attrs().optionalString("from").orElse(Jid.USER_SERVER.toString()))
                .optionalAttr("participant", call.attrs().optionalString("participant").orElse(null))
                .optionalAttr("type", call.attrs().optionalString("type").orElse(null)).build();
    }

    private static String lane(Node call) {
        return call.children().size() == 1
                ? call.children().getFirst().attrs().optionalString("call-id").orElse("")
                : call.attrs().optionalString("from").orElse("");
    }

    private static int parse(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
