package io.tryx.simulator.newsletter;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.router.StanzaHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Newsletter {@code message}s (those sent {@code to="…@newsletter"}; others go on to the wrapped handler): a post by
 * the owner ({@code <plaintext>}) gets the next server id, is acked {@code <ack class="message" id from t server_id/>}
 * and fanned out to every linked device of every follower and to the owner's other devices as
 * {@code <message from="…@newsletter" id server_id t type><plaintext/></message>}; a reaction
 * ({@code type="reaction" server_id}, {@code <reaction code/>}, withdrawn by an empty code or {@code edit="7"}) by a
 * follower or the owner is counted and pushed to the devices subscribed to live updates as
 * {@code <notification type="newsletter"><live_updates><message server_id><reactions/></message></live_updates>}.
 * Refusals are nacks: 400 malformed, 404 unknown newsletter or post, 403 not the owner (posts) or not a follower
 * (reactions).
 */
final class NewsletterPosts implements StanzaHandler {

    private static final Logger log = LoggerFactory.getLogger(NewsletterPosts.class);
    static final Duration LIVE_UPDATES = Duration.ofMinutes(5);

    private final StanzaHandler next;
    private final NewsletterDirectory directory;
    private final AccountRegistry accounts;
    private final Delivery delivery;
    private final AtomicLong notifications = new AtomicLong();
    private final InstantSource clock;
    /** newsletter -> device JID -> live updates wanted until (epoch seconds). */
    private final Map<Jid, Map<Jid, Long>> live = new ConcurrentHashMap<>();

    NewsletterPosts(StanzaHandler next, NewsletterDirectory directory, AccountRegistry accounts, Delivery delivery,
                    InstantSource clock) {
        this.next = next;
        this.directory = directory;
        this.accounts = accounts;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public void handle(ChatConnection connection, Node stanza) {
        Optional<String> to = stanza.attrs().optionalString("to").filter(t -> t.endsWith("@newsletter"));
        if (to.isEmpty() || connection.device() == null) {
            next.handle(connection, stanza);
            return;
        }
        String id = stanza.attrs().optionalString("id").orElse("");
        if (id.isEmpty()) {
            connection.send(nack(to.get(), id, 400));
            return;
        }
        Optional<Newsletter> newsletter = parse(to.get()).flatMap(directory::find);
        if (newsletter.isEmpty()) {
            connection.send(nack(to.get(), id, 404));
            return;
        }
        LinkedDevice device = connection.device();
        Node answer = stanza.attrs().optionalString("type").filter("reaction"::equals).isPresent()
                ? react(newsletter.get(), device.account(), stanza, id)
                : post(newsletter.get(), device.account(), device.deviceId(), stanza, id);
        connection.send(answer);
    }

    /** A post {@code author} (the owner) makes from {@code authorDevice}; returns the ack (or nack) for it. */
    Node post(Newsletter newsletter, Account author, int authorDevice, Node stanza, String id) {
        String to = newsletter.jid().toString();
        if (newsletter.owner() != author) {
            return nack(to, id, 403);
        }
        Optional<byte[]> plaintext = stanza.child("plaintext").flatMap(Node::contentBytes);
        if (plaintext.isEmpty()) {
            return nack(to, id, 400);
        }
        long t = clock.instant().getEpochSecond();
        boolean fresh = newsletter.postWithId(id).isEmpty();
        Newsletter.Post post = newsletter.post(id, stanza.attrs().optionalString("type").orElse("text"), t, plaintext.get());
        if (fresh) {
            fanOut(newsletter, author, authorDevice, post);
        }
        return Node.builder("ack").attr("class", "message").attr("id", id).attr("from", to).attr("t", post.t())
                .attr("server_id", post.serverId()).build();
    }

    private void fanOut(Newsletter newsletter, Account author, int authorDevice, Newsletter.Post post) {
        Node message = Node.builder("message").attr("from", newsletter.jid()).attr("id", post.id())
                .attr("server_id", post.serverId()).attr("t", post.t()).attr("type", post.type())
                .children(Node.builder("plaintext").bytes(post.plaintext()).build()).build();
        for (LinkedDevice device : author.devices()) {
            if (device.deviceId() != authorDevice) {
                delivery.deliver(author.jid().withDevice(device.deviceId()), message);
            }
        }
        for (String phone : newsletter.followerPhones()) {
            accounts.find(phone).ifPresent(follower -> follower.devices().forEach(device ->
                    delivery.deliver(follower.jid().withDevice(device.deviceId()), message)));
        }
    }

    private Node react(Newsletter newsletter, Account reactor, Node stanza, String id) {
        String to = newsletter.jid().toString();
        Optional<Long> serverId;
        try {
            serverId = stanza.attrs().optionalLong("server_id");
        } catch (RuntimeException e) {
            serverId = Optional.empty();
        }
        Optional<Node> reaction = stanza.child("reaction");
        if (serverId.isEmpty() || reaction.isEmpty()) {
            return nack(to, id, 400);
        }
        if (newsletter.owner() != reactor && !newsletter.follows(reactor)) {
            return nack(to, id, 403);
        }
        boolean withdraw = stanza.attrs().optionalString("edit").filter("7"::equals).isPresent();
        String code = withdraw ? "" : reaction.get().attrs().optionalString("code").orElse("");
        Optional<Newsletter.Post> post = newsletter.react(serverId.get(), reactor, code);
        if (post.isEmpty()) {
            return nack(to, id, 404);
        }
        pushLive(newsletter, post.get());
        return Node.builder("ack").attr("class", "message").attr("id", id).attr("from", to)
                .attr("t", clock.instant().getEpochSecond()).attr("server_id", serverId.get()).build();
    }

    /** {@code device} wants {@code newsletter}'s live updates for {@link #LIVE_UPDATES}. */
    void subscribeLive(Newsletter newsletter, Jid device) {
        live.computeIfAbsent(newsletter.jid(), k -> new ConcurrentHashMap<>())
                .put(device, clock.instant().plus(LIVE_UPDATES).getEpochSecond());
    }

    private void pushLive(Newsletter newsletter, Newsletter.Post post) {
        Map<Jid, Long> devices = live.get(newsletter.jid());
        if (devices == null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        devices.values().removeIf(until -> until < now);
        Node update = NewsletterViews.post(post, false);
        devices.keySet().forEach(device -> delivery.deliver(device, Node.builder("notification")
                .attr("from", newsletter.jid()).attr("type", "newsletter").attr("id", "nl-" + notifications.incrementAndGet())
                .attr("t", now).children(Node.builder("live_updates").children(update).build()).build()));
    }

    private static Node nack(String to, String id, int error) {
        log.info("newsletter message {} to {} refused with {}", id, to, error);
        return Node.builder("ack").attr("class", "message").attr("id", id).attr("from", to).attr("error", error).build();
    }

    static Optional<Jid> parse(String jid) {
        try {
            return Optional.of(Jid.parse(jid)).filter(Jid::isNewsletter);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
