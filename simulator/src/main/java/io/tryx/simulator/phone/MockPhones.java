package io.tryx.simulator.phone;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.account.PreKeyUpload;
import io.tryx.simulator.groups.Groups;
import io.tryx.simulator.history.ChatHistory;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.messaging.Messaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock phones of all accounts. A phone receives what is routed to device 0 (decrypting it into its inbox
 * and answering a peer's message, 1:1 or group, with a delivery receipt; copies of its own companions' messages
 * get none), and sends messages of every {@link PhoneMessage} kind on the admin API's behalf (media are uploaded
 * to the media host first): it lists the peer's
 * devices, starts sessions from their bundles (taking one-time prekeys as a client's prekey fetch would), encrypts
 * one {@code enc} per device and hands the stanza to the same routing as any client. Thread-safe.
 */
public final class MockPhones {

    private static final Logger log = LoggerFactory.getLogger(MockPhones.class);

    private final AccountRegistry accounts;
    private final Messaging messaging;
    private final Groups groups;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, MockPhone> phones = new ConcurrentHashMap<>();
    private final PhoneMedia media;
    private final int limit;

    /**
     * The phones of {@code accounts}; {@code media} is their way to the media host, {@code limit} how many inbox
     * entries, history messages, known messages and polls each phone keeps.
     */
    public MockPhones(AccountRegistry accounts, Messaging messaging, Groups groups, InstantSource clock,
                      PhoneMedia media, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("the phone limit must be positive");
        }
        this.accounts = accounts;
        this.messaging = messaging;
        this.groups = groups;
        this.clock = clock;
        this.media = media;
        this.limit = limit;
        messaging.delivery().phone(this::onStanza);
    }

    /** What a phone sent: the message id and, for media, the SHA-256 (hex) of the plaintext. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sent(String id, String sha256) {
    }

    /** How many inbox entries and history messages all phones dropped to stay within their limit. */
    public record Dropped(long inbox, long history) {
    }

    public Dropped dropped() {
        long inbox = 0;
        long history = 0;
        for (MockPhone phone : phones.values()) {
            inbox += phone.inboxDropped();
            history += phone.history().dropped();
        }
        return new Dropped(inbox, history);
    }

    /** The phones' clock. */
    public InstantSource clock() {
        return clock;
    }

    /** The account's phone. */
    public MockPhone phone(Account account) {
        return phones.computeIfAbsent(account.phone(), p -> new MockPhone(account, this::canonical, media, limit));
    }

    /**
     * The phone of {@code from} sends {@code text} to {@code to} (a phone or LID user JID); returns the message id.
     *
     * @throws IllegalArgumentException when {@code to} is no account
     * @throws IllegalStateException    when the routing refused the stanza
     */
    public String sendText(Account from, Jid to, String text) {
        return send(from, to, new PhoneMessage.Text(text));
    }

    /**
     * The phone of {@code from} sends {@code message} (any kind) to {@code to}; returns the message id.
     *
     * @throws MessageKinds.TargetException when a reaction, edit, revoke or vote names no message or poll the phone
     *                                      knows (edits and revokes: none it sent)
     * @throws InvalidChoiceException       when a vote chooses options its poll does not allow
     * @throws IllegalArgumentException     when {@code to} is no account
     * @throws IllegalStateException        when the routing refused the stanza
     */
    public String send(Account from, Jid to, PhoneMessage message) {
        return sendMessage(from, to, message).id();
    }

    /** As {@link #send}, and tells the SHA-256 of a media message's plaintext. */
    public Sent sendMessage(Account from, Jid to, PhoneMessage message) {
        MockPhone phone = phone(from);
        String id = MessageIds.generate(clock.instant(), from.phone(), random);
        String chat = to.toNonAd().toString();
        // a bad target is refused before the recipient is looked up; media are uploaded only for a known recipient
        PhoneContent.Prepared prepared = message instanceof PhoneMessage.Media ? null
                : PhoneContent.prepare(phone, message, id, chat, clock.millis(), media, random);
        Account peer = messaging.directory().account(to)
                .orElseThrow(() -> new IllegalArgumentException("no account " + to));
        if (prepared == null) {
            prepared = PhoneContent.prepare(phone, message, id, chat, clock.millis(), media, random);
        }
        List<Node> targets = new ArrayList<>();
        for (int deviceId : Directory.deviceIds(peer)) {
            if (peer == from && deviceId == 0) {
                continue;
            }
            Jid device = peer.jid().withDevice(deviceId);
            if (!phone.hasSession(device)) {
                Optional<PreKeyUpload> bundle = bundle(peer, deviceId);
                if (bundle.isEmpty()) {
                    log.info("phone {}: {} has no keys, skipped", from.phone(), device);
                    continue;
                }
                phone.startSession(device, bundle.get());
            }
            targets.add(Node.builder("to").attr("jid", device).children(phone.encrypt(device, prepared.message())).build());
        }
        Node.Builder stanza = Node.builder("message").attr("id", id).attr("to", peer.jid())
                .attr("type", MessageKinds.stanzaType(message));
        MessageKinds.editAttribute(message).ifPresent(edit -> stanza.attr("edit", edit));
        if (prepared.poll() != null) {
            phone.sentPoll(prepared.poll()); // known before the stanza goes out, so an immediate vote can be opened
        }
        Node ack = messaging.messages().relay(from, 0, stanza
                .children(Node.builder("participants").children(targets).build()).build());
        if (ack.attrs().has("error")) {
            throw new IllegalStateException("message refused: " + ack);
        }
        phone.sent(chat, id);
        if (message instanceof PhoneMessage.Text text) {
            phone.history().add(new ChatHistory.Message(chat, id, true, null, text.text(), clock.instant().getEpochSecond()));
        }
        return new Sent(id, prepared.sha256());
    }

    /**
     * The phone of {@code from} posts a text status to {@code audience} (users): its sender key of
     * {@code status@broadcast} goes in a pkmsg/msg to every device of the audience and to its own companions, the
     * text in one {@code skmsg}, through the same routing as any client. Returns the message id.
     *
     * @throws IllegalArgumentException when a member of the audience is no account, or the audience is empty
     * @throws IllegalStateException    when the routing refused the stanza
     */
    public String sendStatus(Account from, List<Jid> audience, String text) {
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("empty audience");
        }
        MockPhone phone = phone(from);
        String chat = Jid.STATUS_BROADCAST.toString();
        String id = MessageIds.generate(clock.instant(), from.phone(), random);
        List<Account> members = new ArrayList<>();
        for (Jid user : audience) {
            members.add(messaging.directory().account(user).orElseThrow(() -> new IllegalArgumentException("no account " + user)));
        }
        members.add(from);
        E2EProto.Message distribution = phone.senderKeyDistribution(chat);
        List<Node> targets = new ArrayList<>();
        for (Account member : members.stream().distinct().toList()) {
            for (int deviceId : Directory.deviceIds(member)) {
                if (member == from && deviceId == 0) {
                    continue;
                }
                Jid device = member.jid().withDevice(deviceId);
                if (!phone.hasSession(device)) {
                    Optional<PreKeyUpload> bundle = bundle(member, deviceId);
                    if (bundle.isEmpty()) {
                        continue;
                    }
                    phone.startSession(device, bundle.get());
                }
                targets.add(Node.builder("to").attr("jid", device).children(phone.encrypt(device, distribution)).build());
            }
        }
        Node skmsg = phone.encryptSenderKey(chat, E2EProto.Message.newBuilder().setExtendedTextMessage(
                E2EProto.Message.ExtendedTextMessage.newBuilder().setText(text)).build());
        Node ack = messaging.messages().relay(from, 0, Node.builder("message").attr("id", id).attr("to", Jid.STATUS_BROADCAST)
                .attr("type", "text").children(Node.builder("participants").children(targets).build(), skmsg).build());
        if (ack.attrs().has("error")) {
            throw new IllegalStateException("status refused: " + ack);
        }
        phone.sent(chat, id);
        return id;
    }

    /**
     * The phone sends {@code message} to its own companion {@code deviceId} as a peer message: {@code <message
     * from="<phone>@s.whatsapp.net" id t type="text" category="peer"><enc/></message>} (no {@code recipient}, as the
     * server routes the phone's protocol messages: key shares, history sync notifications). Returns the message id.
     *
     * @throws IllegalStateException when the companion has no keys yet
     */
    public String sendPeer(Account account, int deviceId, E2EProto.Message message) {
        MockPhone phone = phone(account);
        Jid device = account.jid().withDevice(deviceId);
        if (!phone.hasSession(device)) {
            PreKeyUpload bundle = bundle(account, deviceId)
                    .orElseThrow(() -> new IllegalStateException(device + " has no keys"));
            phone.startSession(device, bundle);
        }
        String id = MessageIds.generate(clock.instant(), account.phone(), random);
        Node stanza = Node.builder("message").attr("from", account.jid()).attr("id", id)
                .attr("t", clock.instant().getEpochSecond()).attr("type", "text").attr("category", "peer")
                .children(phone.encrypt(device, message)).build();
        messaging.delivery().deliver(device, stanza);
        return id;
    }

    /** A LID device address as its phone-number twin (the same device); anything else unchanged. */
    private Jid canonical(Jid device) {
        if (!device.isLid()) {
            return device;
        }
        return messaging.directory().account(device).map(a -> a.jid().withDevice(device.device())).orElse(device);
    }

    static Optional<PreKeyUpload> bundle(Account peer, int deviceId) {
        if (deviceId == 0) {
            return Optional.of(peer.phoneKeys().bundle());
        }
        Optional<LinkedDevice> device = peer.device(deviceId);
        if (device.isEmpty() || device.get().keys() == null) {
            return Optional.empty();
        }
        PreKeyUpload keys = device.get().keys();
        List<PreKeyUpload.PreKey> oneTime = device.get().takePreKey().map(List::of).orElse(List.of());
        return Optional.of(new PreKeyUpload(keys.registrationId(), keys.identity(), keys.signedPreKey(), oneTime));
    }

    private void onStanza(Jid phoneJid, Node stanza) {
        if (!stanza.tag().equals("message")) {
            return;
        }
        Optional<Account> account = accounts.find(phoneJid.user());
        if (account.isEmpty()) {
            return;
        }
        try {
            InboxEntry entry = phone(account.get()).receive(stanza);
            log.info("phone {} received {} from {}", account.get().phone(), entry.id(), entry.from());
            if (stanza.attrs().optionalString("from").filter(Jid.STATUS_BROADCAST.toString()::equals).isPresent()) {
                return; // a status: no receipt
            }
            if (stanza.attrs().has("recipient")) {
                return; // a copy of the own companion's message: no delivery receipt to oneself
            }
            if (stanza.attrs().optionalString("from").filter(f -> f.endsWith("@g.us")).isPresent()) {
                if (Jid.parse(entry.from()).user().equals(account.get().phone())) {
                    return; // the own companion's group message
                }
                groups.receipts().relay(account.get(), 0, Node.builder("receipt").attr("id", entry.id())
                        .attr("to", entry.chat()).attr("participant", entry.from()).build());
                return;
            }
            Node receipt = Node.builder("receipt").attr("id", entry.id()).attr("to", entry.from()).build();
            messaging.receipts().relay(account.get(), 0, receipt);
        } catch (RuntimeException e) {
            String id = stanza.attrs().optionalString("id").orElse("");
            log.warn("phone {} could not decrypt {}: {}", account.get().phone(), id, e.toString());
            phone(account.get()).failed(new MockPhone.Failure(id, stanza.attrs().optionalString("from").orElse(""), e.toString()));
        }
    }
}
