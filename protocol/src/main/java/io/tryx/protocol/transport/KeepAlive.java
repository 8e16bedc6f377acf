package io.tryx.protocol.transport;

import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.transport.TransportException.Reason;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Pings an open {@link NodeConnection} with {@code <iq id=.. to="s.whatsapp.net" type="get" xmlns="w:p"><ping/></iq>}
 * at jittered intervals, takes the replies ({@code iq} result or error with a pending id) out of the
 * inbound stream, and aborts the connection with {@link Reason#KEEPALIVE_TIMEOUT} when a ping stays
 * unanswered for the response timeout (the clock restarts while the connection's reading is paused for backpressure,
 * since a reply cannot arrive then). Runs entirely on the connection's event loop (its scheduler);
 * elapsed time comes from the injected {@link Ticker}. Stops by itself when the connection ends.
 */
public final class KeepAlive {

    private final NodeConnection connection;
    private final KeepAliveConfig config;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final String idPrefix;
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private final Predicate<Node> interceptor = this::onInbound;
    private long counter;
    private volatile long pingsSent;
    private volatile long repliesReceived;
    private volatile long lastRoundTripNanos = -1;
    private ScheduledFuture<?> nextPing;
    private boolean stopped;

    private KeepAlive(NodeConnection connection, KeepAliveConfig config, Ticker ticker, RandomGenerator random) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.config = Objects.requireNonNull(config, "config");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.random = Objects.requireNonNull(random, "random");
        this.idPrefix = "ka." + Long.toHexString(random.nextLong() & 0xFFFFFFFFL) + ".";
    }

    /** Starts pinging {@code connection}; the first ping goes out after one jittered interval. */
    public static KeepAlive start(NodeConnection connection, KeepAliveConfig config, Ticker ticker, RandomGenerator random) {
        KeepAlive keepAlive = new KeepAlive(connection, config, ticker, random);
        connection.addInterceptor(keepAlive.interceptor);
        connection.eventLoop().execute(keepAlive::scheduleNext);
        connection.closeFuture().whenComplete((ok, error) -> keepAlive.stop());
        return keepAlive;
    }

    /** As {@link #start(NodeConnection, KeepAliveConfig, Ticker, RandomGenerator)} with the system ticker. */
    public static KeepAlive start(NodeConnection connection, KeepAliveConfig config) {
        return start(connection, config, Ticker.systemTicker(), RandomGenerator.of("L64X128MixRandom"));
    }

    /** The ping node with {@code id}. */
    public static Node ping(String id) {
        return Node.builder("iq").attr("id", id).attr("to", "s.whatsapp.net").attr("type", "get").attr("xmlns", "w:p")
                .children(Node.of("ping")).build();
    }

    /** Stops pinging; idempotent. Does not close the connection. */
    public void stop() {
        connection.removeInterceptor(interceptor);
        try {
            connection.eventLoop().execute(() -> {
                stopped = true;
                if (nextPing != null) {
                    nextPing.cancel(false);
                }
                pending.clear();
            });
        } catch (RejectedExecutionException e) {
            // event loop already shut down: nothing is scheduled any more
        }
    }

    public long pingsSent() {
        return pingsSent;
    }

    public long repliesReceived() {
        return repliesReceived;
    }

    /** The round trip of the last answered ping in nanoseconds, or -1 before the first reply. */
    public long lastRoundTripNanos() {
        return lastRoundTripNanos;
    }

    private void scheduleNext() {
        if (stopped || !connection.isOpen()) {
            return;
        }
        long min = config.intervalMin().toNanos();
        long max = config.intervalMax().toNanos();
        long delay = max > min ? random.nextLong(min, max + 1) : min;
        nextPing = connection.eventLoop().schedule(this::sendPing, delay, TimeUnit.NANOSECONDS);
    }

    private void sendPing() {
        if (stopped || !connection.isOpen()) {
            return;
        }
        String id = idPrefix + (++counter);
        pending.put(id, ticker.nanoTime());
        pingsSent++;
        connection.send(ping(id));
        connection.eventLoop().schedule(() -> checkAnswered(id), config.responseTimeout().toNanos(), TimeUnit.NANOSECONDS);
        scheduleNext();
    }

    private void checkAnswered(String id) {
        Long sentAt = pending.get(id);
        if (stopped || sentAt == null) {
            return;
        }
        long waited = ticker.nanoTime() - sentAt;
        long timeout = config.responseTimeout().toNanos();
        if (connection.isReadingPaused()) { // we stopped reading (backpressure): the reply may be waiting unread
            pending.put(id, ticker.nanoTime());
            connection.eventLoop().schedule(() -> checkAnswered(id), timeout, TimeUnit.NANOSECONDS);
            return;
        }
        if (waited < timeout) { // the injected ticker runs slower than the scheduler: check again later
            connection.eventLoop().schedule(() -> checkAnswered(id), timeout - waited, TimeUnit.NANOSECONDS);
            return;
        }
        stopped = true;
        connection.abort(new TransportException(Reason.KEEPALIVE_TIMEOUT, "ping " + id + " unanswered after "
                + TimeUnit.NANOSECONDS.toMillis(waited) + " ms (" + pending.size() + " pending)"));
    }

    private boolean onInbound(Node node) {
        if (!node.tag().equals("iq")) {
            return false;
        }
        String type = node.attrs().optionalString("type").orElse("");
        if (!type.equals("result") && !type.equals("error")) {
            return false;
        }
        Long sentAt = node.attrs().optionalString("id").map(pending::remove).orElse(null);
        if (sentAt == null) {
            return false;
        }
        repliesReceived++;
        lastRoundTripNanos = ticker.nanoTime() - sentAt;
        return true;
    }
}
