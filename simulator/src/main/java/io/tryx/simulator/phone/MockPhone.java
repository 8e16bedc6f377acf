package io.tryx.simulator.phone;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.ArrayList;
import java.util.HashMap;
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
 * ({@code conversation} and the kinds of {@link PhoneMessage}) and decrypts {@code pkmsg}/{@code msg} sent to it, and group {@code skmsg} once it holds
 * the author's sender key, into its inbox; what it receives (and what it sends) goes into its {@link ChatHistory}
 * for history sync. Sessions are keyed by
 * the peer's device address, a LID device under its phone-number twin (so a peer reaching the phone in a
 * LID-addressed group uses the session of its 1:1 chats). Thread-safe (one lock per phone).
 */
public final class MockPhone {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Account account;
    private InMemorySignalStore store;
    private final Set<Integer> storedPreKeys = new HashSet<>();
    private final List<InboxEntry> inbox = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final SessionBuilder builder = new SessionBuilder(RANDOM);
    private final SessionCipher cipher = new SessionCipher(RANDOM);
    private final GroupCipher groupCipher = new GroupCipher(RANDOM);
    private final GroupSessionBuilder groupBuilder = new GroupSessionBuilder(RANDOM);
    private final ChatHistory history = new ChatHistory();
    private final Map<String, MessageKinds.Known> known = new HashMap<>();

    private final UnaryOperator<Jid> canonical;

    /** {@code canonical} maps a device address to the one its sessions are kept under (a LID device to its phone JID). */
    MockPhone(Account account, UnaryOperator<Jid> canonical) {
        this.account = account;
        this.canonical = canonical;
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
     * Decrypts a {@code message} stanza addressed to the phone and records it in the inbox; returns the entry.
     * A group message ({@code from} a group, {@code participant} the author) may carry the author's sender key
     * distribution in a pkmsg/msg before the {@code skmsg}; the sender key is stored and the skmsg decrypted.
     *
     * @throws RuntimeException when it has no {@code enc} or does not decrypt
     */
    public synchronized InboxEntry receive(Node stanza) {
        Jid from = stanza.attrs().jid("from");
        boolean group = from.isGroup();
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
        InboxEntry entry = MessageKinds.describe(stanza.attrs().string("id"), author.toString(), chat, message);
        inbox.add(entry);
        boolean fromMe = author.user().equals(account.phone()) || author.user().equals(account.lid().user());
        String participant = group && !fromMe ? author.toNonAd().toString() : null;
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

    public synchronized List<InboxEntry> inbox() {
        return List.copyOf(inbox);
    }

    /** Records a stanza that did not decrypt (a reused message key shows up here as a duplicate counter). */
    synchronized void failed(Failure failure) {
        failures.add(failure);
    }

    /** The message stanzas addressed to the phone that it could not decrypt, in arrival order. */
    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
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

    /**
     * A message the phone received and decrypted: {@code type} is {@code text}, {@code location}, {@code contact},
     * {@code reaction}, {@code edit}, {@code revoke}, a media kind ({@code image}, ...), {@code protocol} or
     * {@code unknown}; the fields of other kinds are null (and left out of the JSON).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InboxEntry(String id, String from, String chat, String type, String text,
                             Double latitude, Double longitude, String name, String displayName, String vcard,
                             String targetId, Boolean targetFromMe, String emoji) {

        public InboxEntry(String id, String from, String chat, String type, String text) {
            this(id, from, chat, type, text, null, null, null, null, null, null, null, null);
        }

        InboxEntry with(String newType, String newText) {
            return new InboxEntry(id, from, chat, newType, newText, latitude, longitude, name, displayName, vcard,
                    targetId, targetFromMe, emoji);
        }

        InboxEntry location(double lat, double lon, String place) {
            return new InboxEntry(id, from, chat, type, text, lat, lon, place, displayName, vcard, targetId, targetFromMe, emoji);
        }

        InboxEntry contact(String display, String card) {
            return new InboxEntry(id, from, chat, type, text, latitude, longitude, name, display, card, targetId, targetFromMe, emoji);
        }

        InboxEntry target(String target, boolean fromMe, String reaction) {
            return new InboxEntry(id, from, chat, type, text, latitude, longitude, name, displayName, vcard, target, fromMe, reaction);
        }
    }
}
