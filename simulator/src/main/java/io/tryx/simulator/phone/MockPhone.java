package io.tryx.simulator.phone;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageCodec;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.group.GroupCipher;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.SessionBuilder;
import io.tryx.protocol.signal.session.SessionCipher;
import io.tryx.protocol.signal.store.InMemorySignalStore;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.PhoneKeys;
import io.tryx.simulator.account.PreKeyUpload;
import io.tryx.simulator.history.ChatHistory;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One account's mock phone (device 0) as a Signal endpoint: its store holds the account's {@link PhoneKeys}
 * (identity, signed prekey, one-time prekeys), it starts sessions from peers' bundles, encrypts messages
 * ({@code conversation} and the kinds of {@link PhoneMessage}) and decrypts {@code pkmsg}/{@code msg} sent to it,
 * and group {@code skmsg} once it holds the author's sender key, into its inbox: received media are downloaded
 * from the media host and decrypted ({@link PhoneMedia}), polls remembered with their secret and votes on known
 * polls opened ({@link PollBook}). What it receives (and what it sends) goes into its {@link ChatHistory} for
 * history sync. Inbox, failures, history, known messages and polls each keep the last {@code limit} items (the
 * oldest are dropped, and counted for the inbox and history). Sessions are keyed by the peer's device address, a
 * LID device under its phone-number twin (so a peer reaching the phone in a LID-addressed group uses the session of
 * its 1:1 chats). A message that arrives again under the id it had (same chat and author) decrypts but is recorded
 * once, as a phone shows it once. Thread-safe (one lock per phone; media are fetched outside it).
 */
public final class MockPhone {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Account account;
    private InMemorySignalStore store;
    private final Set<Integer> storedPreKeys = new HashSet<>();
    private final BoundedLog<InboxEntry> inbox;
    private final BoundedLog<Failure> failures;
    private final SessionBuilder builder = new SessionBuilder(RANDOM);
    private final SessionCipher cipher = new SessionCipher(RANDOM);
    private final GroupCipher groupCipher = new GroupCipher(RANDOM);
    private final GroupSessionBuilder groupBuilder = new GroupSessionBuilder(RANDOM);
    private final ChatHistory history;
    private final Map<String, MessageKinds.Known> known;
    private final PollBook polls;
    private final PhoneMedia media;
    /** Messages already in the inbox, by chat, author and id: a repeat (a sender retrying after a crash) is dropped. */
    private final Set<String> delivered;

    private final UnaryOperator<Jid> canonical;

    /** {@code canonical} maps a device address to the one its sessions are kept under (a LID device to its phone JID). */
    MockPhone(Account account, UnaryOperator<Jid> canonical, PhoneMedia media, int limit) {
        this.account = account;
        this.canonical = canonical;
        this.media = media;
        this.inbox = new BoundedLog<>(limit);
        this.failures = new BoundedLog<>(limit);
        this.history = new ChatHistory(limit);
        this.polls = new PollBook(limit);
        this.delivered = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > limit;
            }
        });
        this.known = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MessageKinds.Known> eldest) {
                return size() > limit;
            }
        };
        this.store = freshStore(account.phoneKeys());
    }

    private static InMemorySignalStore freshStore(PhoneKeys keys) {
        InMemorySignalStore fresh = new InMemorySignalStore(keys.identity(), keys.registrationId());
        fresh.storeSignedPreKey(keys.signedPreKey());
        return fresh;
    }

    /**
     * Starts over with the account's current {@link PhoneKeys} (after {@link Account#resetPhoneKeys()}): every
     * session and sender key is gone, as on a reinstalled phone; the inbox and history stay.
     */
    public synchronized void resetIdentity() {
        store = freshStore(account.phoneKeys());
        storedPreKeys.clear();
    }

    public Account account() {
        return account;
    }

    /** True when the phone holds a session with {@code device}. */
    public synchronized boolean hasSession(Jid device) {
        return store.session(address(device)).isPresent();
    }

    /** Forgets the sessions with {@code user}'s phone (device 0) under both its addresses (its identity changed). */
    public synchronized void forgetPhoneSession(Account user) {
        store.deleteSession(address(user.jid()));
        store.deleteSession(address(user.lid()));
    }

    /** Starts a session with {@code device} from its bundle. */
    public synchronized void startSession(Jid device, PreKeyUpload bundle) {
        PreKeyUpload.PreKey oneTime = bundle.preKeys().isEmpty() ? null : bundle.preKeys().getFirst();
        builder.processBundle(store, address(device), new PreKeyBundle(bundle.registrationId(), device.device(),
                oneTime == null ? OptionalInt.empty() : OptionalInt.of(oneTime.id()),
                oneTime == null ? null : oneTime.publicKey(),
                bundle.signedPreKey().id(), bundle.signedPreKey().publicKey(), bundle.signedPreKey().signature(),
                new IdentityKey(bundle.identity())));
    }

    /** Encrypts a text for {@code device} (a session must exist): the {@code enc} node. */
    public Node encryptText(Jid device, String text) {
        return encrypt(device, E2EProto.Message.newBuilder().setConversation(text).build());
    }

    /** Encrypts any message for {@code device} (a session must exist): the {@code enc} node. */
    public synchronized Node encrypt(Jid device, E2EProto.Message message) {
        byte[] plaintext = MessageCodec.encode(message, RANDOM);
        Ciphertext ciphertext = cipher.encrypt(store, address(device), plaintext);
        return Node.builder("enc").attr("v", "2").attr("type", ciphertext.type()).bytes(ciphertext.serialized()).build();
    }

    /**
     * The phone's sender key distribution for the sender-key chat {@code chat} (e.g. {@code status@broadcast}),
     * creating its sender key when absent, as the message that carries it.
     */
    public synchronized E2EProto.Message senderKeyDistribution(String chat) {
        SenderKeyDistributionMessage key = groupBuilder.create(store, new SenderKeyName(chat, address(account.jid())));
        return E2EProto.Message.newBuilder().setSenderKeyDistributionMessage(
                E2EProto.Message.SenderKeyDistributionMessage.newBuilder().setGroupId(chat)
                        .setAxolotlSenderKeyDistributionMessage(com.google.protobuf.ByteString.copyFrom(key.serialized()))).build();
    }

    /** Encrypts {@code message} with the phone's sender key of {@code chat} (create it first): the {@code skmsg} enc. */
    public synchronized Node encryptSenderKey(String chat, E2EProto.Message message) {
        byte[] ciphertext = groupCipher.encrypt(store, new SenderKeyName(chat, address(account.jid())),
                MessageCodec.encode(message, RANDOM));
        return Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(ciphertext).build();
    }

    /**
     * Decrypts a {@code message} stanza addressed to the phone and records it in the inbox; returns the entry.
     * A group message ({@code from} a group, {@code participant} the author) may carry the author's sender key
     * distribution in a pkmsg/msg before the {@code skmsg}; the sender key is stored and the skmsg decrypted.
     * A media message's file is downloaded and decrypted before the entry is recorded (a failure shows as its
     * {@code mediaError}); a poll's secret is kept; a vote on a known poll is opened into option names.
     *
     * @throws RuntimeException when it has no {@code enc} or does not decrypt
     */
    public InboxEntry receive(Node stanza) {
        Decrypted decrypted = decrypt(stanza);
        InboxEntry entry = MessageKinds.describe(stanza.attrs().string("id"), decrypted.author().toString(),
                decrypted.chat(), decrypted.message());
        E2EProto.Message content = MessageKinds.unwrap(decrypted.message());
        Optional<MediaMessages.Received> received = MediaMessages.read(content);
        if (received.isPresent()) {
            entry = entry.with(downloaded(entry.media(), received.get().reference()));
        }
        return record(stanza, decrypted, entry, content);
    }

    private InboxEntry.Media downloaded(InboxEntry.Media declared, PhoneMedia.Reference reference) {
        try {
            PhoneMedia.Opened opened = media.open(reference);
            return new InboxEntry.Media(declared.mimetype(), opened.size(), opened.sha256(), declared.caption(),
                    declared.fileName(), declared.ptt(), null);
        } catch (PhoneMedia.MediaException e) {
            return new InboxEntry.Media(declared.mimetype(), null, null, declared.caption(), declared.fileName(),
                    declared.ptt(), e.getMessage());
        }
    }

    private record Decrypted(Jid author, String chat, boolean group, E2EProto.Message message) {
    }

    private synchronized Decrypted decrypt(Node stanza) {
        Jid from = stanza.attrs().jid("from");
        boolean group = from.isGroup() || from.isStatusBroadcast();
        Jid author = group ? stanza.attrs().jid("participant") : from;
        List<Node> encs = stanza.children("enc");
        if (encs.isEmpty()) {
            throw new IllegalArgumentException("no enc");
        }
        syncPreKeys();
        E2EProto.Message message = null;
        for (Node enc : encs) {
            byte[] ciphertext = enc.contentBytes().orElseThrow();
            String type = enc.attrs().string("type");
            E2EProto.Message decrypted = type.equals("skmsg")
                    ? MessageCodec.decode(groupCipher.decrypt(store, new SenderKeyName(from.toString(), address(author)), ciphertext))
                    : MessageCodec.decode(cipher.decrypt(store, address(author), type, ciphertext).plaintext());
            if (decrypted.hasDeviceSentMessage()) {
                decrypted = decrypted.getDeviceSentMessage().getMessage();
            }
            if (group && decrypted.hasSenderKeyDistributionMessage()) {
                groupBuilder.process(store, new SenderKeyName(from.toString(), address(author)), SenderKeyDistributionMessage.parse(
                        decrypted.getSenderKeyDistributionMessage().getAxolotlSenderKeyDistributionMessage().toByteArray()));
            }
            if (message == null || MessageKinds.hasContent(decrypted)) {
                message = decrypted;
            }
        }
        String chat = group ? from.toString() : stanza.attrs().optionalString("recipient").orElse(from.toNonAd().toString());
        return new Decrypted(author, chat, group, message);
    }

    private synchronized InboxEntry record(Node stanza, Decrypted decrypted, InboxEntry described, E2EProto.Message content) {
        InboxEntry entry = described;
        Jid author = decrypted.author();
        String chat = decrypted.chat();
        String sender = author.toNonAd().toString();
        if (!delivered.add(chat + "|" + sender + "|" + entry.id())) {
            return entry; // the same message again (as WhatsApp clients do, shown once)
        }
        Optional<PollMessages.Creation> poll = PollMessages.read(content);
        byte[] secret = decrypted.message().getMessageContextInfo().getMessageSecret().toByteArray();
        if (poll.isPresent() && secret.length == 32) {
            polls.remember(new PollBook.KnownPoll(chat, entry.id(), sender, poll.get().name(), poll.get().options(),
                    poll.get().selectableCount(), secret));
        }
        if (content.hasPollUpdateMessage()) {
            entry = entry.with(openVote(content.getPollUpdateMessage(), sender));
        }
        inbox.add(entry);
        boolean fromMe = author.user().equals(account.phone()) || author.user().equals(account.lid().user());
        String participant = decrypted.group() && !fromMe ? author.toNonAd().toString() : null;
        known.put(entry.id(), new MessageKinds.Known(chat, entry.id(), fromMe, participant));
        long t = stanza.attrs().optionalString("t").map(Long::parseLong).orElse(0L);
        if (entry.type().equals("text")) {
            history.add(new ChatHistory.Message(chat, entry.id(), fromMe, participant, entry.text(), t));
        }
        if (!fromMe) {
            history.pushName(author.toNonAd().toString(), stanza.attrs().optionalString("notify").orElse(null));
        }
        return entry;
    }

    private InboxEntry.Vote openVote(E2EProto.Message.PollUpdateMessage update, String voter) {
        String pollId = update.getPollCreationMessageKey().getId();
        Optional<PollBook.KnownPoll> poll = polls.find(pollId);
        if (poll.isEmpty()) {
            return new InboxEntry.Vote(pollId, null, "unknown poll " + pollId);
        }
        try {
            List<String> chosen = PollVotes.decrypt(poll.get().secret(), pollId, poll.get().creator(), voter,
                    update.getVote(), poll.get().options());
            return new InboxEntry.Vote(pollId, chosen, null);
        } catch (RuntimeException e) {
            return new InboxEntry.Vote(pollId, null, "cannot open the vote: " + e.getMessage());
        }
    }

    /** Remembers a poll the phone sent, with its secret, so votes on it can be opened. */
    synchronized void sentPoll(PollBook.KnownPoll poll) {
        polls.remember(poll);
    }

    /** A poll the phone created or received, by id. */
    synchronized Optional<PollBook.KnownPoll> poll(String id) {
        return polls.find(id);
    }

    /** Records a message the phone sent, so reactions, edits and revokes can name it. */
    synchronized void sent(String chat, String id) {
        known.put(id, new MessageKinds.Known(chat, id, true, null));
    }

    /** A message the phone sent or received, by id. */
    synchronized Optional<MessageKinds.Known> known(String id) {
        return Optional.ofNullable(known.get(id));
    }

    /** The chats the phone knows, for history sync. */
    public ChatHistory history() {
        return history;
    }

    /** The last messages the phone received (at most the limit), oldest first. */
    public synchronized List<InboxEntry> inbox() {
        return inbox.items();
    }

    /** How many inbox entries were dropped to stay within the limit. */
    public synchronized long inboxDropped() {
        return inbox.dropped();
    }

    /** Records a stanza that did not decrypt (a reused message key shows up here as a duplicate counter). */
    synchronized void failed(Failure failure) {
        failures.add(failure);
    }

    /** The message stanzas addressed to the phone that it could not decrypt, in arrival order. */
    public synchronized List<Failure> failures() {
        return failures.items();
    }

    private void syncPreKeys() {
        for (PreKeyRecord record : account.phoneKeys().allPreKeys()) {
            if (storedPreKeys.add(record.id())) {
                store.storePreKey(record);
            }
        }
    }

    private SignalAddress address(Jid device) {
        Jid kept = canonical.apply(device);
        return new SignalAddress(kept.user(), kept.device());
    }

    /** A message stanza the phone could not decrypt: its id, {@code from} and the error. */
    public record Failure(String id, String from, String error) {
    }
}
