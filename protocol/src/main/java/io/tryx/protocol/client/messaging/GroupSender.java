package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.groups.GroupDirectory;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupParticipant;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.message.MessagePadding;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.group.GroupCipher;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import io.tryx.protocol.store.AccountState;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.UnitOfWork;
import com.google.protobuf.ByteString;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;

/**
 * Sends group messages, in order per group on the group's lane: the group's participants (metadata, cached), their
 * devices and ours (usync, cached), our sender key for the group (created when absent), the sender key distribution
 * message in a {@code pkmsg}/{@code msg} to each device that does not hold our current key yet (tracked in the
 * {@link io.tryx.protocol.store.SenderKeyRecipientStore}), then one {@code skmsg} for everyone, with
 * {@code device-identity} when any distribution is a {@code pkmsg} and the group's {@code addressing_mode}. Every
 * Signal write, the new recipients and the {@link SentMessage} commit in one unit of work before the stanza
 * leaves. The result completes on the server's {@code ack}. {@link #rotate} makes the next send use a new sender
 * key, distributed to everyone (after a participant left, so it cannot read on).
 */
final class GroupSender {

    /** The server's answer to a metadata query of a group we are not in. */
    private static final int FORBIDDEN = 403;

    private final AccountStore store;
    private final StanzaChannel channel;
    private final OrderedLanes<String> lanes;
    private final Lock signalLock;
    private final Executor workers;
    private final InstantSource clock;
    private final SecureRandom random;
    private final GroupDirectory groups;
    private final DeviceDirectory devices;
    private final PreKeyBundles bundles;
    private final OutgoingEncryptor encryptor;
    private final AckTracker acks;
    private final GroupSessionBuilder senderKeys;
    private final GroupCipher cipher;

    GroupSender(AccountStore store, StanzaChannel channel, OrderedLanes<String> lanes, Lock signalLock, Executor workers,
                InstantSource clock, SecureRandom random, GroupDirectory groups, DeviceDirectory devices,
                PreKeyBundles bundles, OutgoingEncryptor encryptor, AckTracker acks) {
        this.store = store;
        this.channel = channel;
        this.lanes = lanes;
        this.signalLock = signalLock;
        this.workers = workers;
        this.clock = clock;
        this.random = random;
        this.groups = groups;
        this.devices = devices;
        this.bundles = bundles;
        this.encryptor = encryptor;
        this.acks = acks;
        this.senderKeys = new GroupSessionBuilder(random);
        this.cipher = new GroupCipher(random);
    }

    /** Sends {@code message} to the group {@code group}. */
    CompletableFuture<SendResult> send(Jid group, E2EProto.Message message) {
        return send(group, message, null);
    }

    /** Sends {@code message} to the group under {@code id} (a new one when null). */
    CompletableFuture<SendResult> send(Jid group, E2EProto.Message message, String id) {
        return lanes.submit(group.toString(), () -> prepare(group, message, id)).thenCompose(sent -> sent);
    }

    /** Runs on the group's lane: completes (with the ack's future) once the stanza is written. */
    private CompletableFuture<CompletableFuture<SendResult>> prepare(Jid group, E2EProto.Message message, String given) {
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
        if (own == null) {
            return CompletableFuture.failedFuture(new SendException(SendException.Reason.NOT_CONNECTED, "not paired"));
        }
        String id = given != null ? given : MessageIds.generate(clock.instant(), own.deviceJid().user(), random);
        return groups.info(group)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        MessageSender.unwrap(error) instanceof IqException iq && iq.code() == FORBIDDEN
                                ? new SendException(SendException.Reason.NOT_A_PARTICIPANT, iq.code(),
                                        "not a participant of " + group, iq)
                                : error))
                .thenComposeAsync(info -> {
                    if (info.participant(own.deviceJid()).isEmpty()
                            && (own.lid() == null || info.participant(own.lid()).isEmpty())) {
                        throw new SendException(SendException.Reason.NOT_A_PARTICIPANT, "not a participant of " + group);
                    }
                    List<Jid> users = users(info, own);
                    Jid sender = ownSender(info, own);
                    return devices.devices(users).thenApply(all -> new Plan(sender, info.addressingMode(), users,
                            targets(all, own), MessageSender.phash(all, sender), false));
                }, workers)
                .thenComposeAsync(plan -> encryptAndSend(group, id, message, plan, own), workers)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(MessageSender.typed(MessageSender.unwrap(error))));
    }

    /**
     * Sends {@code message} to {@code status@broadcast} for {@code audience} (users) and our other devices: a
     * sender-key broadcast whose audience the stanza names, so every audience device gets our sender key
     * distribution with each send (as the official clients do), then the one {@code skmsg}.
     */
    CompletableFuture<SendResult> sendStatus(List<Jid> audience, E2EProto.Message message) {
        Jid chat = Jid.STATUS_BROADCAST;
        return lanes.submit(chat.toString(), () -> {
            DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
            if (own == null) {
                return CompletableFuture.<CompletableFuture<SendResult>>failedFuture(
                        new SendException(SendException.Reason.NOT_CONNECTED, "not paired"));
            }
            String id = MessageIds.generate(clock.instant(), own.deviceJid().user(), random);
            Set<Jid> users = new LinkedHashSet<>();
            audience.forEach(user -> users.add(user.toNonAd()));
            users.add(own.deviceJid().toNonAd());
            List<Jid> named = new ArrayList<>(users);
            return devices.devices(named)
                    .thenApply(all -> new Plan(own.deviceJid(), null, named, targets(all, own),
                            MessageSender.phash(all, own.deviceJid()), true))
                    .thenComposeAsync(plan -> encryptAndSend(chat, id, message, plan, own), workers)
                    .exceptionallyCompose(error -> CompletableFuture.failedFuture(MessageSender.typed(MessageSender.unwrap(error))));
        }).thenCompose(sent -> sent);
    }

    private CompletableFuture<CompletableFuture<SendResult>> encryptAndSend(Jid chat, String id, E2EProto.Message message, Plan plan,
                                                                            DeviceCredentials own) {
        Set<Jid> holders = plan.everyone() ? Set.of() : store.senderKeyRecipients(chat);
        List<Jid> lacking = plan.targets().stream().filter(d -> !holders.contains(d)).toList();
        List<Jid> missing = encryptor.withoutSession(store, lacking, own);
        AckTracker.Stale stale = new AckTracker.Stale(plan.phash(), workers, () -> stale(chat, plan.users()));
        return bundles.fetch(missing)
                .thenApplyAsync(fetched -> encrypt(chat, id, message, plan, fetched, own), workers)
                .thenCompose(stanza -> MessageSender.sendAndAwaitAck(channel, acks, id, stanza, stale));
    }

    /**
     * Our device as the chat knows it, the group's addressing mode (null for a status), the users whose devices
     * get the message, those devices but ours (which need the key too), the participant hash of all devices and
     * whether every target gets the key distribution (a status, whose audience the stanza names).
     */
    private record Plan(Jid sender, String addressingMode, List<Jid> users, List<Jid> targets, String phash,
                        boolean everyone) {
    }

    /**
     * The server's ack disagreed with our participant hash: the group's participants or a member's devices
     * changed unseen. Forgets the metadata and marks the device lists of every user the send named stale.
     */
    private void stale(Jid group, List<Jid> users) {
        if (group.isGroup()) {
            groups.forget(group);
        }
        devices.invalidate(users);
    }

    /** The users whose devices get the message: every participant and our own user, in the group's addressing. */
    private static List<Jid> users(GroupInfo info, DeviceCredentials own) {
        Set<Jid> users = new LinkedHashSet<>();
        for (GroupParticipant participant : info.participants()) {
            users.add(participant.jid().toNonAd());
        }
        users.add(ownSender(info, own).toNonAd());
        return new ArrayList<>(users);
    }

    private static List<Jid> targets(List<Jid> all, DeviceCredentials own) {
        return all.stream().filter(d -> !d.equals(own.deviceJid()) && !d.equals(own.lid())).distinct().toList();
    }

    /** Our device as the group knows it: the LID device in LID-addressed groups, else the phone-number device. */
    private static Jid ownSender(GroupInfo info, DeviceCredentials own) {
        return info.lidAddressed() && own.lid() != null ? own.lid() : own.deviceJid();
    }

    private Node encrypt(Jid group, String id, E2EProto.Message message, Plan plan, Map<Jid, PreKeyBundle> fetched,
                         DeviceCredentials own) {
        byte[] plaintext = message.toByteArray();
        SenderKeyName ours = senderKeyName(group, plan.sender());
        OutgoingEncryptor.Participants distributed;
        byte[] skmsg;
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            SenderKeyDistributionMessage distribution = senderKeys.create(work, ours);
            Set<Jid> holders = plan.everyone() ? Set.of() : work.senderKeyRecipients(group);
            List<Jid> lacking = plan.targets().stream().filter(d -> !holders.contains(d)).toList();
            byte[] keyMessage = E2EProto.Message.newBuilder()
                    .setSenderKeyDistributionMessage(distribution(group, distribution)).build().toByteArray();
            distributed = encryptor.encrypt(work, lacking, fetched, keyMessage, keyMessage, own);
            if (!distributed.devices().isEmpty() && !plan.everyone()) {
                work.addSenderKeyRecipients(group, new HashSet<>(distributed.devices()));
            }
            skmsg = cipher.encrypt(work, ours, MessagePadding.pad(plaintext, random));
            long now = clock.millis();
            work.storeSentMessage(new SentMessage(group, id, plaintext, now));
            MessageSecrets.remember(work, new MessageRef(group, plan.sender().toNonAd(), id), message, now);
            work.commit();
        } finally {
            signalLock.unlock();
        }
        List<Node> children = new ArrayList<>();
        if (!distributed.nodes().isEmpty()) {
            children.add(Node.builder("participants").children(distributed.nodes()).build());
        }
        children.add(Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(skmsg).build());
        if (distributed.preKey()) {
            children.add(Node.builder("device-identity").bytes(own.account()).build());
        }
        MessageSecrets.pollMeta(message).ifPresent(children::add);
        Node.Builder stanza = Node.builder("message").attr("id", id).attr("to", group)
                .attr("type", MessageSender.typeOf(message)).attr("phash", plan.phash());
        if (plan.addressingMode() != null) {
            stanza.attr("addressing_mode", plan.addressingMode());
        }
        MessageActions.editAttribute(message).ifPresent(edit -> stanza.attr("edit", edit));
        return stanza.children(children).build();
    }

    /**
     * Makes the next send to {@code group} create a new sender key and distribute it to every device: our keys of
     * the group (under either of our addresses) are emptied and its recipients forgotten, in one unit of work.
     */
    void rotate(Jid group) {
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
        if (own == null) {
            return;
        }
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            for (Jid address : own.lid() == null ? List.of(own.deviceJid()) : List.of(own.deviceJid(), own.lid())) {
                SenderKeyName name = senderKeyName(group, address);
                if (work.senderKey(name).filter(r -> !r.isEmpty()).isPresent()) {
                    work.storeSenderKey(name, SenderKeyRecord.empty());
                }
            }
            work.forgetSenderKeyRecipients(group);
            work.commit();
        } finally {
            signalLock.unlock();
        }
    }

    /**
     * {@code message} with our current sender key distribution of {@code group} added (under whichever of our addresses
     * holds one), for a resend to a device that could not read our skmsg; unchanged when we hold no key.
     */
    static E2EProto.Message withSenderKey(AccountState state, GroupSessionBuilder builder, Jid group,
                                          DeviceCredentials own, E2EProto.Message message) {
        for (Jid address : own.lid() == null ? List.of(own.deviceJid()) : List.of(own.deviceJid(), own.lid())) {
            SenderKeyName name = senderKeyName(group, address);
            if (state.senderKey(name).filter(r -> !r.isEmpty()).isPresent()) {
                return message.toBuilder().setSenderKeyDistributionMessage(distribution(group, builder.create(state, name)))
                        .build();
            }
        }
        return message;
    }

    private static E2EProto.Message.SenderKeyDistributionMessage distribution(Jid group, SenderKeyDistributionMessage key) {
        return E2EProto.Message.SenderKeyDistributionMessage.newBuilder().setGroupId(group.toString())
                .setAxolotlSenderKeyDistributionMessage(ByteString.copyFrom(key.serialized())).build();
    }

    private static SenderKeyName senderKeyName(Jid group, Jid ownDevice) {
        return new SenderKeyName(group.toString(), Addressing.signalAddress(ownDevice));
    }
}
