package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.message.ParticipantHash;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.UnitOfWork;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;

/**
 * Sends 1:1 messages, in order per chat on the chat's lane: the device lists of the recipient and of our own
 * account (usync, cached), prekey bundles for devices without a session, one {@code enc} per device (our own
 * other devices get the {@code deviceSentMessage} copy), {@code device-identity} when any is a {@code pkmsg}.
 * Every Signal write of the send and the {@link SentMessage} (for answering retry receipts) commit in one unit of
 * work before the stanza leaves, so a message key is never used twice. The stanza carries the {@code phash} of the
 * device set; an ack naming another one marks both device lists stale. The result completes on the server's
 * {@code ack}.
 */
final class MessageSender {

    private final AccountStore store;
    private final StanzaChannel channel;
    private final OrderedLanes<String> lanes;
    private final Lock signalLock;
    private final Executor workers;
    private final InstantSource clock;
    private final SecureRandom random;
    private final DeviceDirectory directory;
    private final PreKeyBundles bundles;
    private final OutgoingEncryptor encryptor;
    private final AckTracker acks;

    MessageSender(AccountStore store, StanzaChannel channel, OrderedLanes<String> lanes, Lock signalLock,
                  Executor workers, InstantSource clock, SecureRandom random, DeviceDirectory directory,
                  PreKeyBundles bundles, OutgoingEncryptor encryptor, AckTracker acks) {
        this.store = store;
        this.channel = channel;
        this.lanes = lanes;
        this.signalLock = signalLock;
        this.workers = workers;
        this.clock = clock;
        this.random = random;
        this.directory = directory;
        this.bundles = bundles;
        this.encryptor = encryptor;
        this.acks = acks;
    }

    /** Sends {@code message} to the user {@code to} (phone-number or LID JID without device). */
    CompletableFuture<SendResult> send(Jid to, E2EProto.Message message) {
        return send(to, message, null);
    }

    /** Sends {@code message} to {@code to} under {@code id} (a new one when null). */
    CompletableFuture<SendResult> send(Jid to, E2EProto.Message message, String id) {
        if (!(to.isPhoneUser() || to.isLid()) || to.isAd()) {
            return CompletableFuture.failedFuture(new SendException(SendException.Reason.INVALID_RECIPIENT,
                    "not a user JID: " + to));
        }
        return lanes.submit(to.toString(), () -> prepare(to, message, id)).thenCompose(sent -> sent);
    }

    /** Runs on the chat's lane: completes (with the ack's future) once the stanza is written. */
    private CompletableFuture<CompletableFuture<SendResult>> prepare(Jid to, E2EProto.Message message, String given) {
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
        if (own == null) {
            return CompletableFuture.failedFuture(new SendException(SendException.Reason.NOT_CONNECTED, "not paired"));
        }
        String id = given != null ? given : MessageIds.generate(clock.instant(), own.deviceJid().user(), random);
        Jid ownUser = ownUser(to, own);
        return directory.devices(List.of(to, ownUser))
                .thenComposeAsync(devices -> {
                    List<Jid> targets = devices.stream().filter(d -> !isThisDevice(d, own)).toList();
                    if (targets.stream().noneMatch(d -> d.sameUser(to))) {
                        throw new SendException(SendException.Reason.NO_DEVICES, to + " has no devices");
                    }
                    List<Jid> missing = encryptor.withoutSession(store, targets, own);
                    String phash = phash(devices, to.isLid() && own.lid() != null ? own.lid() : own.deviceJid());
                    AckTracker.Stale stale = new AckTracker.Stale(phash, workers,
                            () -> directory.invalidate(List.of(to, ownUser)));
                    return bundles.fetch(missing)
                            .thenApplyAsync(fetched -> encrypt(to, id, message, targets, fetched, own, phash), workers)
                            .thenCompose(stanza -> sendAndAwaitAck(channel, acks, id, stanza, stale));
                }, workers)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(typed(unwrap(error))));
    }

    private Node encrypt(Jid to, String id, E2EProto.Message message, List<Jid> targets,
                         Map<Jid, PreKeyBundle> fetched, DeviceCredentials own, String phash) {
        byte[] plaintext = message.toByteArray();
        byte[] ownCopy = E2EProto.Message.newBuilder()
                .setDeviceSentMessage(E2EProto.Message.DeviceSentMessage.newBuilder()
                        .setDestinationJid(to.toString()).setMessage(message))
                .build().toByteArray();
        OutgoingEncryptor.Participants participants;
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            participants = encryptor.encrypt(work, targets, fetched, plaintext, ownCopy, own);
            if (participants.devices().stream().noneMatch(d -> d.sameUser(to))) {
                throw new SendException(SendException.Reason.NO_DEVICES, "no device of " + to + " could be reached");
            }
            long now = clock.millis();
            work.storeSentMessage(new SentMessage(to, id, plaintext, now));
            MessageSecrets.remember(work, new MessageRef(to, ownUser(to, own), id), message, now);
            work.commit();
        } finally {
            signalLock.unlock();
        }
        List<Node> children = new ArrayList<>();
        children.add(Node.builder("participants").children(participants.nodes()).build());
        if (participants.preKey()) {
            children.add(Node.builder("device-identity").bytes(own.account()).build());
        }
        MessageSecrets.pollMeta(message).ifPresent(children::add);
        Node.Builder stanza = Node.builder("message").attr("id", id).attr("to", to).attr("type", typeOf(message))
                .attr("phash", phash);
        MessageActions.editAttribute(message).ifPresent(edit -> stanza.attr("edit", edit));
        return stanza.children(children).build();
    }

    /** Our user as the chat with {@code to} knows it: our LID in a LID chat, else our phone number. */
    static Jid ownUser(Jid to, DeviceCredentials own) {
        return (to.isLid() && own.lid() != null ? own.lid() : own.deviceJid()).toNonAd();
    }

    /**
     * The stanza {@code type}: {@code text} for texts, {@code reaction}, {@code poll} for polls and votes,
     * {@code media} for the rest (as WhatsApp Web sorts them).
     */
    static String typeOf(E2EProto.Message message) {
        if (message.hasPollUpdateMessage() || io.tryx.protocol.message.PollVotes.pollOf(message).isPresent()) {
            return "poll";
        }
        if (message.hasConversation() || message.hasExtendedTextMessage() || message.hasProtocolMessage()) {
            return "text";
        }
        if (message.hasReactionMessage() || message.hasEncReactionMessage()) {
            return "reaction";
        }
        return "media";
    }

    /**
     * The participant hash of a send: every device the lists name plus the sending device (in the chat's domain),
     * as the server computes it.
     */
    static String phash(List<Jid> devices, Jid sendingDevice) {
        List<Jid> all = new ArrayList<>(devices);
        all.add(sendingDevice);
        return ParticipantHash.of(all);
    }

    private static boolean isThisDevice(Jid device, DeviceCredentials own) {
        return device.equals(own.deviceJid()) || (own.lid() != null && device.equals(own.lid()));
    }

    /**
     * Registers for the ack of {@code id}, then writes the stanza; completes once written with the ack's future
     * (failed with {@code NOT_CONNECTED} when the write failed).
     */
    static CompletableFuture<CompletableFuture<SendResult>> sendAndAwaitAck(StanzaChannel channel, AckTracker acks,
                                                                           String id, Node stanza, AckTracker.Stale stale) {
        CompletableFuture<SendResult> ack = acks.register(id, stale);
        return channel.send(stanza).handle((ok, error) -> {
            if (error != null) {
                acks.fail(id, new SendException(SendException.Reason.NOT_CONNECTED, -1, "could not send " + id,
                        unwrap(error)));
            }
            return ack;
        });
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    static SendException typed(Throwable error) {
        return error instanceof SendException send ? send
                : new SendException(SendException.Reason.PREPARATION_FAILED, -1, String.valueOf(error.getMessage()), error);
    }
}
