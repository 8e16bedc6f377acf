package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.messaging.OrderedLanes;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What arrives from newsletters: posts ({@code <message from="…@newsletter" server_id><plaintext/></message>}, acked
 * once the listeners ran), live update notifications ({@code type="newsletter"}), and the server's acks of our own
 * posts and reactions ({@code <ack class="message" from="…@newsletter" id server_id t/>}). Listeners run on ordered
 * per-newsletter lanes over the workers, never on the connection's thread. Thread-safe.
 */
final class NewsletterInbox {

    private static final Logger log = LoggerFactory.getLogger(NewsletterInbox.class);

    private final Consumer<Node> out;
    private final OrderedLanes<Jid> lanes;
    private final Duration timeout;
    private final List<NewsletterListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<PostResult>> pending = new ConcurrentHashMap<>();

    NewsletterInbox(Consumer<Node> out, Executor workers, Duration timeout) {
        this.out = Objects.requireNonNull(out, "out");
        this.lanes = new OrderedLanes<>(Objects.requireNonNull(workers, "workers"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    void addListener(NewsletterListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A future completed by the server's ack of our message {@code id} (failed on an error ack or after the timeout). */
    CompletableFuture<PostResult> expectAck(String id) {
        CompletableFuture<PostResult> ack = new CompletableFuture<>();
        pending.put(id, ack);
        ack.whenComplete((v, e) -> pending.remove(id, ack));
        return ack.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Takes newsletter posts and acks of our posts; never blocks. */
    void onStanza(Node stanza) {
        if (!fromNewsletter(stanza)) {
            return;
        }
        switch (stanza.tag()) {
            case "message" -> onPost(stanza);
            case "ack" -> onAck(stanza);
            default -> { }
        }
    }

    /** Takes {@code notification type="newsletter"} (live updates) and acknowledges it once handled. */
    boolean onNotification(Node notification) {
        if (!notification.attrs().optionalString("type").filter("newsletter"::equals).isPresent() || !fromNewsletter(notification)) {
            return false;
        }
        Jid newsletter = notification.attrs().jid("from");
        lanes.run(newsletter, () -> {
            notification.child("live_updates").ifPresent(live -> liveMessages(live).forEach(message -> dispatch(
                    new NewsletterEvent.ReactionsChanged(newsletter, message.attrs().longValue("server_id"),
                            NewsletterNodes.reactions(message)))));
            out.accept(Node.builder("ack").attr("class", "notification")
                    .attr("id", notification.attrs().optionalString("id").orElse("")).attr("to", newsletter)
                    .attr("type", "newsletter").build());
            return null;
        }).whenComplete((v, e) -> logFailure(notification, e));
        return true;
    }

    private static List<Node> liveMessages(Node live) {
        return live.child("messages").map(m -> m.children("message")).orElseGet(() -> live.children("message"));
    }

    private void onPost(Node stanza) {
        Jid newsletter = stanza.attrs().jid("from");
        lanes.run(newsletter, () -> {
            try {
                if (stanza.child("plaintext").isPresent()) {
                    NewsletterPost post = NewsletterNodes.post(stanza);
                    if (post.message() != null) {
                        dispatch(new NewsletterEvent.PostReceived(newsletter, post.id(), post.serverId(), post.at(),
                                post.message()));
                    }
                }
            } catch (ProtocolException | IllegalArgumentException e) {
                log.info("unreadable newsletter post dropped: {} ({})", stanza, e.getMessage());
            }
            out.accept(Node.builder("ack").attr("class", "message")
                    .attr("id", stanza.attrs().optionalString("id").orElse("")).attr("to", newsletter)
                    .optionalAttr("type", stanza.attrs().optionalString("type").orElse(null)).build());
            return null;
        }).whenComplete((v, e) -> logFailure(stanza, e));
    }

    private void onAck(Node ack) {
        if (!ack.attrs().optionalString("class").filter("message"::equals).isPresent()) {
            return;
        }
        CompletableFuture<PostResult> waiting = pending.get(ack.attrs().optionalString("id").orElse(""));
        if (waiting == null) {
            return;
        }
        var error = ack.attrs().optionalString("error");
        if (error.isPresent()) {
            int code = error.get().chars().allMatch(Character::isDigit) ? Integer.parseInt(error.get()) : -1;
            waiting.completeExceptionally(new IqException(code, "newsletter message refused", ack));
        } else {
            waiting.complete(new PostResult(ack.attrs().string("id"), ack.attrs().optionalLong("server_id").orElse(0L),
                    Instant.ofEpochSecond(ack.attrs().optionalLong("t").orElse(0L))));
        }
    }

    private void dispatch(NewsletterEvent event) {
        for (NewsletterListener listener : listeners) {
            listener.onNewsletterEvent(event);
        }
    }

    private static void logFailure(Node stanza, Throwable error) {
        if (error != null) {
            log.warn("newsletter {} {} not handled: {}", stanza.tag(), stanza.attrs().optionalString("id").orElse(""),
                    error.toString());
        }
    }

    static boolean fromNewsletter(Node stanza) {
        return stanza.attrs().optionalString("from").filter(f -> f.endsWith("@" + JidServer.NEWSLETTER)).isPresent();
    }
}
