package io.tryx.protocol.client.newsletter;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.proto.E2EProto;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The account's newsletters (WhatsApp Channels), each method one round trip: GraphQL {@code w:mex} IQs for
 * {@link #create}, {@link #metadata}, {@link #metadataByInvite}, {@link #follow}, {@link #unfollow}, {@link #mute},
 * {@link #unmute}, {@link #subscribed}; {@code xmlns="newsletter"} IQs for {@link #fetchPosts} and
 * {@link #subscribeLiveUpdates}; posts ({@link #post}) and reactions ({@link #react}) as plaintext {@code message}s
 * acknowledged with the post's {@code server_id}. Newsletter posts are not end-to-end encrypted. Refusals fail with
 * {@link MexException} / {@link IqException} carrying the server's code; an unknown newsletter with
 * {@link NewsletterNotFoundException}. Posts of followed newsletters arrive as {@link NewsletterEvent}s. Thread-safe.
 */
public final class Newsletters {

    /** GraphQL query ids (those of WhatsApp Web) and the data paths of their answers. */
    static final String CREATE = "8823471724422422";
    static final String METADATA = "6563316087068696";
    static final String FOLLOW = "24404358912487870";
    static final String UNFOLLOW = "9767147403369991";
    static final String MUTE = "29766401636284406";
    static final String UNMUTE = "9864994326891137";
    static final String SUBSCRIBED = "6388546374527196";

    private final StanzaChannel channel;
    private final IqCalls calls;
    private final Mex mex;
    private final NewsletterInbox inbox;
    private final Supplier<Jid> self;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Over {@code channel}; posts are acknowledged within {@code timeout}; listeners run on {@code workers};
     * {@code self} is our own JID (for message ids), null before pairing.
     */
    public Newsletters(StanzaChannel channel, Duration timeout, Executor workers, Supplier<Jid> self,
                       InstantSource clock) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.calls = new IqCalls(channel);
        this.mex = new Mex(calls);
        this.inbox = new NewsletterInbox(calls::send, workers, timeout);
        this.self = Objects.requireNonNull(self, "self");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers a listener for posts and live updates of the newsletters we follow. */
    public void addListener(NewsletterListener listener) {
        inbox.addListener(listener);
    }

    /** Creates a newsletter we own; completes with its metadata. */
    public CompletableFuture<NewsletterMetadata> create(String name, String description) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a newsletter needs a name");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("description", description == null || description.isEmpty() ? null : description);
        return mex.query(CREATE, Map.of("input", input), "xwa2_newsletter_create").thenApply(NewsletterJson::metadata);
    }

    /** The metadata of {@code newsletter}, with our relation to it. */
    public CompletableFuture<NewsletterMetadata> metadata(Jid newsletter) {
        String key = newsletter(newsletter).toString();
        return metadata(key, "JID", true);
    }

    /** The metadata of the newsletter with invite {@code code} (or its {@code https://whatsapp.com/channel/} link). */
    public CompletableFuture<NewsletterMetadata> metadataByInvite(String code) {
        Objects.requireNonNull(code, "code");
        String key = code.substring(code.lastIndexOf('/') + 1);
        if (key.isBlank()) {
            throw new IllegalArgumentException("no invite code in " + code);
        }
        return metadata(key, "INVITE", false);
    }

    private CompletableFuture<NewsletterMetadata> metadata(String key, String type, boolean viewer) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("fetch_creation_time", true);
        variables.put("fetch_full_image", true);
        variables.put("fetch_viewer_metadata", viewer);
        variables.put("input", Map.of("key", key, "type", type));
        return notFound(mex.query(METADATA, variables, "xwa2_newsletter"), key).thenApply(json -> {
            if (json.isNull()) {
                throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "no metadata for " + key);
            }
            return NewsletterJson.metadata(json);
        });
    }

    /** Follows {@code newsletter}: its posts arrive from now on. */
    public CompletableFuture<Void> follow(Jid newsletter) {
        return change(FOLLOW, newsletter, "xwa2_newsletter_join_v2");
    }

    /** Stops following {@code newsletter}. */
    public CompletableFuture<Void> unfollow(Jid newsletter) {
        return change(UNFOLLOW, newsletter, "xwa2_newsletter_leave_v2");
    }

    /** Mutes {@code newsletter}'s notifications (its posts still arrive). */
    public CompletableFuture<Void> mute(Jid newsletter) {
        return change(MUTE, newsletter, "xwa2_newsletter_mute_v2");
    }

    /** Unmutes {@code newsletter}. */
    public CompletableFuture<Void> unmute(Jid newsletter) {
        return change(UNMUTE, newsletter, "xwa2_newsletter_unmute_v2");
    }

    private CompletableFuture<Void> change(String query, Jid newsletter, String path) {
        String key = newsletter(newsletter).toString();
        return notFound(mex.query(query, Map.of("newsletter_id", key), path), key).thenApply(json -> null);
    }

    /** The newsletters we follow or own, with our relation to each. */
    public CompletableFuture<List<NewsletterMetadata>> subscribed() {
        return mex.query(SUBSCRIBED, Map.of(), "xwa2_newsletter_subscribed").thenApply(json -> {
            List<NewsletterMetadata> all = new ArrayList<>();
            json.forEach(each -> all.add(NewsletterJson.metadata(each)));
            return List.copyOf(all);
        });
    }

    /** Up to {@code count} latest posts of {@code newsletter} (older than {@code before} when it is positive), oldest first. */
    public CompletableFuture<List<NewsletterPost>> fetchPosts(Jid newsletter, int count, long before) {
        Jid jid = newsletter(newsletter);
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        Node.Builder messages = Node.builder("messages").attr("type", "jid").attr("jid", jid).attr("count", count);
        if (before > 0) {
            messages.attr("before", before);
        }
        return notFound(calls.query("newsletter", "get", messages.build()), jid.toString()).thenApply(answer ->
                NewsletterNodes.posts(answer.child("messages").orElseThrow(() -> new ProtocolException(
                        ProtocolException.Reason.MISSING_FIELD, "newsletter messages answer without messages"))));
    }

    /**
     * Asks for {@code newsletter}'s reaction counts to be pushed (as {@link NewsletterEvent.ReactionsChanged}) for a
     * while; completes with how long the server keeps pushing.
     */
    public CompletableFuture<Duration> subscribeLiveUpdates(Jid newsletter) {
        Jid jid = newsletter(newsletter);
        Node iq = Node.builder("iq").attr("id", calls.nextId()).attr("xmlns", "newsletter").attr("type", "set")
                .attr("to", jid).children(Node.of("live_updates")).build();
        return notFound(channel.query(iq), jid.toString()).thenApply(answer -> Duration.ofSeconds(answer.child("live_updates")
                .flatMap(l -> l.attrs().optionalLong("duration")).orElse(0L)));
    }

    /** Posts {@code text} to a newsletter we own or administer. */
    public CompletableFuture<PostResult> postText(Jid newsletter, String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty post");
        }
        return post(newsletter, E2EProto.Message.newBuilder().setConversation(text).build());
    }

    /** Posts {@code message} (sent in the clear, as newsletters are) to a newsletter we own or administer. */
    public CompletableFuture<PostResult> post(Jid newsletter, E2EProto.Message message) {
        Jid jid = newsletter(newsletter);
        Objects.requireNonNull(message, "message");
        String id = nextMessageId();
        CompletableFuture<PostResult> ack = inbox.expectAck(id);
        calls.send(NewsletterNodes.post(jid, id, message)).exceptionally(e -> {
            ack.completeExceptionally(IqCalls.unwrap(e));
            return null;
        });
        return ack;
    }

    /** Reacts with {@code emoji} to post {@code serverId} of {@code newsletter}; an empty emoji withdraws our reaction. */
    public CompletableFuture<PostResult> react(Jid newsletter, long serverId, String emoji) {
        Jid jid = newsletter(newsletter);
        Objects.requireNonNull(emoji, "emoji");
        if (serverId < 1) {
            throw new IllegalArgumentException("not a server id: " + serverId);
        }
        String id = nextMessageId();
        CompletableFuture<PostResult> ack = inbox.expectAck(id);
        calls.send(NewsletterNodes.reaction(jid, id, serverId, emoji)).exceptionally(e -> {
            ack.completeExceptionally(IqCalls.unwrap(e));
            return null;
        });
        return ack;
    }

    /** Takes newsletter posts and acks (a stanza handler of the session). */
    public void onStanza(Node stanza) {
        inbox.onStanza(stanza);
    }

    /** Takes live update notifications (a notification handler of the session). */
    public boolean onNotification(Node notification) {
        return inbox.onNotification(notification);
    }

    private String nextMessageId() {
        Jid own = self.get();
        return MessageIds.generate(clock.instant(), own == null ? "" : own.user(), random);
    }

    private static <T> CompletableFuture<T> notFound(CompletableFuture<T> future, String key) {
        return IqCalls.refine(future, iq -> iq.code() == 404 ? new NewsletterNotFoundException(key, iq) : iq);
    }

    private static Jid newsletter(Jid jid) {
        Objects.requireNonNull(jid, "newsletter");
        if (!jid.isNewsletter()) {
            throw new IllegalArgumentException("not a newsletter: " + jid);
        }
        return jid;
    }

}
