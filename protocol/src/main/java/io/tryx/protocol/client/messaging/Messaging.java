package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.PreKeyAllocator;
import io.tryx.protocol.client.groups.GroupDirectory;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.EncryptedReactions;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.UnitOfWork;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One account's messaging: routes inbound {@code message}, {@code receipt} and {@code ack} stanzas and group
 * notifications, sends messages (1:1 and group) and read receipts. Work runs on ordered per-chat lanes over the shared {@code workers} executor (a
 * bounded pool shared by all accounts); Signal state of the account is touched by one operation at a time
 * (decrypts, encrypts and retries take one account lock for their short crypto-and-commit step, never while
 * waiting on the network or a listener). Inbound work is bounded per account ({@link InboundBacklog}): past
 * {@link MessagingConfig#inboundLimit()} queued stanzas the channel stops reading until half of them are done. One-time prekeys for retry receipts come from {@code preKeys}, the
 * account's allocator that the prekey refill shares. Thread-safe.
 */
public final class Messaging {

    private final AccountStore store;
    private final java.time.Duration retention;
    private final java.time.Duration secretRetention;
    private final StanzaChannel channel;
    private final InstantSource clock;
    private final Listeners listeners = new Listeners();
    private final AckTracker acks;
    private final MessageReceiver receiver;
    private final ReceiptHandler receipts;
    private final MessageSender sender;
    private final GroupDirectory groupDirectory;
    private final GroupSender groupSender;
    private final GroupNotificationHandler groupNotifications;
    private final PeerSender peerSender;
    private final DeviceDirectory deviceDirectory;
    private final Lock signalLock;
    private final InboundBacklog backlog;
    private final SecureRandom random;

    public Messaging(AccountStore store, StanzaChannel channel, MessagingConfig config, ClientScheduler scheduler,
                     Executor workers, InstantSource clock, SecureRandom random, PreKeyAllocator preKeys) {
        this.store = Objects.requireNonNull(store, "store");
        this.retention = config.retention();
        this.secretRetention = config.secretRetention();
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        Objects.requireNonNull(workers, "workers");
        this.signalLock = new ReentrantLock();
        OrderedLanes<String> lanes = new OrderedLanes<>(workers);
        OutgoingEncryptor encryptor = new OutgoingEncryptor(random);
        PreKeyBundles bundles = new PreKeyBundles(channel);
        this.acks = new AckTracker(scheduler, config.sendTimeout());
        this.receiver = new MessageReceiver(store, channel, lanes, signalLock, listeners, clock, random,
                Objects.requireNonNull(preKeys, "preKeys"));
        this.receipts = new ReceiptHandler(store, channel, lanes, listeners,
                new RetryResponder(store, channel, signalLock, workers, bundles, encryptor, random));
        DeviceDirectory directory = new DeviceDirectory(store, channel, workers, clock, config.deviceListTtl());
        this.deviceDirectory = directory;
        this.sender = new MessageSender(store, channel, lanes, signalLock, workers, clock, random, directory, bundles,
                encryptor, acks);
        this.groupDirectory = new GroupDirectory(channel);
        this.groupSender = new GroupSender(store, channel, lanes, signalLock, workers, clock, random, groupDirectory,
                directory, bundles, encryptor, acks);
        this.groupNotifications = new GroupNotificationHandler(channel, lanes, listeners, groupDirectory, groupSender);
        this.peerSender = new PeerSender(store, channel, signalLock, workers, clock, random, bundles, encryptor, acks);
        this.backlog = new InboundBacklog(config.inboundLimit(), config.inboundLimit() / 2, channel::pauseReading);
    }

    /** The group metadata this account's sends use (shared with the group operations, which keep it fresh). */
    public GroupDirectory groupDirectory() {
        return groupDirectory;
    }

    /** Registers a listener for all later events. */
    public void addListener(MessageListener listener) {
        listeners.add(listener);
    }

    /**
     * Registers a consumer of peer protocol messages (key shares, history-sync notifications, ...); what it takes
     * is not reported to the listeners.
     */
    public void addPeerMessageConsumer(PeerMessageConsumer consumer) {
        listeners.addConsumer(consumer);
    }

    /**
     * Takes an inbound stanza if it is messaging's ({@code message}, {@code receipt}, {@code ack class=message});
     * never blocks, so it can run on the connection's thread.
     */
    public boolean onStanza(Node stanza) {
        switch (stanza.tag()) {
            case "message" -> {
                if (stanza.attrs().optionalString("from").filter(f -> f.endsWith("@newsletter")).isPresent()) {
                    return false; // plaintext newsletter posts are the newsletter namespace's
                }
                backlog.submit(() -> receiver.onMessage(stanza));
            }
            case "receipt" -> backlog.submit(() -> receipts.onReceipt(stanza));
            case "ack" -> {
                return acks.onAck(stanza);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes an inbound notification if it is messaging's (group changes, {@code w:gp2}); never blocks. Messaging
     * then acknowledges it itself, once handled.
     */
    public boolean onNotification(Node notification) {
        if (!notification.attrs().optionalString("type").filter("w:gp2"::equals).isPresent()) {
            return false;
        }
        backlog.submit(() -> groupNotifications.onNotification(notification));
        return true;
    }

    /**
     * Inbound work that arrives from now on starts only once {@code event} completed: an event that announces it (the
     * offline preview) reaches its listeners first.
     */
    public void holdInboundUntil(CompletionStage<?> event) {
        backlog.holdUntil(event);
    }

    /** Completes once every inbound stanza taken so far was handled (its listeners called). */
    public CompletableFuture<Void> inboundIdle() {
        return backlog.idle();
    }

    /** The inbound backlog now (queued work, its peak, reading pauses). */
    public InboundStats inboundStats() {
        return backlog.stats();
    }

    /** Sends a text ({@code conversation}) to a user (phone-number or LID JID without device) or a group. */
    public CompletableFuture<SendResult> sendText(Jid to, String text) {
        Objects.requireNonNull(text, "text");
        return send(to, E2EProto.Message.newBuilder().setConversation(text).build());
    }

    /** Sends any E2E message to a user (phone-number or LID JID without device) or a group ({@code @g.us}). */
    public CompletableFuture<SendResult> send(Jid to, E2EProto.Message message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        return to.isGroup() ? groupSender.send(to, message) : sender.send(to, message);
    }

    /**
     * Sends any E2E message under the caller's message {@code id} (WhatsApp Web's format, see
     * {@link io.tryx.protocol.message.MessageIds#derive}): sending again with the same id repeats the message, which
     * recipients drop as already seen.
     */
    public CompletableFuture<SendResult> send(Jid to, E2EProto.Message message, String id) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        if (!io.tryx.protocol.message.MessageIds.isWebFormat(id)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a message id: " + id));
        }
        return to.isGroup() ? groupSender.send(to, message, id) : sender.send(to, message, id);
    }

    /**
     * Posts {@code message} as a status ({@code status@broadcast}) to {@code audience} (users; our other devices
     * get it too); completes on the server's ack.
     */
    public CompletableFuture<SendResult> sendStatus(List<Jid> audience, E2EProto.Message message) {
        Objects.requireNonNull(message, "message");
        if (audience.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a status needs an audience"));
        }
        return groupSender.sendStatus(List.copyOf(audience), message);
    }

    /** Deletes our status {@code id} for {@code audience} (who received it); completes on the server's ack. */
    public CompletableFuture<SendResult> revokeStatus(String id, List<Jid> audience) {
        Objects.requireNonNull(id, "id");
        return asOwn(own -> sendStatus(audience,
                MessageActions.revoke(MessageActions.key(Jid.STATUS_BROADCAST, null, id, own))));
    }

    /**
     * Reacts to the message {@code id} that {@code sender} (a user; null or our own user for ours) wrote in
     * {@code chat}; {@link MessageActions#REMOVE_REACTION} removes our reaction.
     */
    public CompletableFuture<SendResult> react(Jid chat, Jid sender, String id, String emoji) {
        return asOwn(own -> send(chat, MessageActions.reaction(MessageActions.key(chat, sender, id, own), emoji, clock.millis())));
    }

    /**
     * Reacts like {@link #react}, encrypted with the target message's secret ({@code encReactionMessage}, as in
     * community announcement groups): only those who saw the target can read it. Fails with
     * {@link SendException.Reason#UNKNOWN_TARGET} when this account holds no secret for the target.
     */
    public CompletableFuture<SendResult> reactEncrypted(Jid chat, Jid sender, String id, String emoji) {
        return asOwn(own -> {
            var key = MessageActions.key(chat, sender, id, own);
            Jid author = key.getFromMe() ? (own.lid() != null && sender != null && sender.isLid() ? own.lid() : own.deviceJid())
                    : sender;
            var found = new SecretLookup(store).first(chat, author, id);
            if (found.isEmpty()) {
                return CompletableFuture.failedFuture(new SendException(SendException.Reason.UNKNOWN_TARGET,
                        "no message secret for message " + id + " in " + chat));
            }
            Jid reactor = (found.get().author().isLid() && own.lid() != null ? own.lid() : own.deviceJid()).toNonAd();
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            var reaction = MessageActions.reaction(key, emoji, clock.millis()).getReactionMessage();
            return send(chat, E2EProto.Message.newBuilder().setEncReactionMessage(EncryptedReactions.encrypt(
                    found.get().secret().secret(), found.get().author().toString(), reactor.toString(), reaction, iv))
                    .build());
        });
    }

    /** Replaces the text of our own message {@code id} in {@code chat} (WhatsApp allows it for 15 minutes). */
    public CompletableFuture<SendResult> editText(Jid chat, String id, String newText) {
        Objects.requireNonNull(newText, "newText");
        return send(chat, MessageActions.edit(chat, id,
                E2EProto.Message.newBuilder().setConversation(newText).build(), clock.millis()));
    }

    /**
     * Deletes a message for everyone: ours ({@code sender} null or our user), or, as a group admin, a member's
     * ({@code sender} that member).
     */
    public CompletableFuture<SendResult> revoke(Jid chat, Jid sender, String id) {
        return asOwn(own -> send(chat, MessageActions.revoke(MessageActions.key(chat, sender, id, own))));
    }

    /**
     * Sends a peer protocol message (an app-state key request, ...) to our own primary device; completes on the
     * server's ack.
     */
    public CompletableFuture<SendResult> sendPeer(E2EProto.Message message) {
        Objects.requireNonNull(message, "message");
        return peerSender.send(message);
    }

    /**
     * Marks messages read: {@code chat} is the conversation, {@code sender} the user who sent them (needed in
     * groups, may be null in 1:1 chats); completes once the receipt is written.
     */
    public CompletableFuture<Void> markRead(Jid chat, Jid sender, String... ids) {
        return receipt(chat, sender, ReceiptType.READ, ids);
    }

    /** Marks voice notes or videos played (as {@link #markRead}, with a {@code played} receipt). */
    public CompletableFuture<Void> markPlayed(Jid chat, Jid sender, String... ids) {
        return receipt(chat, sender, ReceiptType.PLAYED, ids);
    }

    private CompletableFuture<Void> receipt(Jid chat, Jid sender, ReceiptType type, String... ids) {
        if (ids.length == 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no message ids"));
        }
        return channel.send(MessagingNodes.readReceipt(chat, sender, List.of(ids), type, clock.instant().getEpochSecond()));
    }

    /** Runs {@code send} with our credentials, or fails with {@code NOT_CONNECTED} before pairing. */
    private CompletableFuture<SendResult> asOwn(
            java.util.function.Function<io.tryx.protocol.store.DeviceCredentials, CompletableFuture<SendResult>> send) {
        return store.load().filter(io.tryx.protocol.store.DeviceCredentials::isPaired).map(send)
                .orElseGet(() -> CompletableFuture.failedFuture(new SendException(SendException.Reason.NOT_CONNECTED, "not paired")));
    }

    /**
     * Forgets sent messages and decrypted-buffer entries older than the retention, and message secrets older than
     * the secret retention (one store transaction);
     * run it now and then, e.g. after each login. Blocks on the store.
     */
    public void prune() {
        long now = clock.millis();
        long before = now - retention.toMillis();
        var work = store.begin();
        work.pruneSentMessages(before);
        work.pruneBuffer(before);
        work.pruneMessageSecrets(now - secretRetention.toMillis());
        work.commit();
    }

    /**
     * Forgets the Signal sessions with {@code devices} (device JIDs, either domain; their user's identity changed),
     * in one unit of work under the account's Signal lock, so the next send fetches their new bundles. Blocks on the
     * store: call it on a worker thread.
     */
    public void forgetSessions(Collection<Jid> devices) {
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            for (Jid device : devices) {
                work.deleteSession(Addressing.signalAddress(device));
            }
            work.commit();
        } finally {
            signalLock.unlock();
        }
    }

    /** Marks the cached device lists of {@code users} stale, so the next send asks the server. Blocks on the store. */
    public void refreshDeviceLists(Collection<Jid> users) {
        deviceDirectory.invalidate(List.copyOf(users));
    }

    /** The connection ended: sends waiting for an ack fail with {@code NOT_CONNECTED}. */
    public void connectionLost() {
        acks.failAll(new SendException(SendException.Reason.NOT_CONNECTED, "connection ended before the server's ack"));
    }
}
