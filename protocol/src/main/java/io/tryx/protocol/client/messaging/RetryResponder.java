package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.Protobufs;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.UnitOfWork;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;

/**
 * Answers a peer's retry receipt: finds the message in the {@link io.tryx.protocol.store.SentMessageStore} (under
 * the chat's phone-number or LID address), encrypts it again for the one device that asked, on a fresh session
 * from the receipt's keys if it sent them (else on the existing session, or one from a fetched bundle), and sends
 * it with the same id, {@code count} on the {@code enc}. Our own device's request gets the device-sent copy; in a
 * group the resend also carries our current sender key, so the device reads our later {@code skmsg}s.
 * The session change commits before the message leaves. At most {@value #MAX_RESENDS} answers per device and
 * message.
 */
final class RetryResponder {

    static final int MAX_RESENDS = 10;
    private static final int REMEMBERED = 4096;

    private final AccountStore store;
    private final StanzaChannel channel;
    private final Lock signalLock;
    private final Executor workers;
    private final PreKeyBundles bundles;
    private final OutgoingEncryptor encryptor;
    private final GroupSessionBuilder senderKeys;
    private final Map<String, Integer> answered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    RetryResponder(AccountStore store, StanzaChannel channel, Lock signalLock, Executor workers, PreKeyBundles bundles,
                   OutgoingEncryptor encryptor, SecureRandom random) {
        this.store = store;
        this.channel = channel;
        this.signalLock = signalLock;
        this.workers = workers;
        this.bundles = bundles;
        this.encryptor = encryptor;
        this.senderKeys = new GroupSessionBuilder(random);
    }

    /** Resends the message a retry receipt asks for; completes when it was sent (or deliberately not). */
    CompletableFuture<Void> resend(Node receipt, MessageEvent.ReceiptReceived event, DeviceCredentials own) {
        Node retry = receipt.child("retry").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "retry receipt without <retry>"));
        String id = retry.attrs().optionalString("id").orElse(event.ids().getFirst());
        long count = retry.attrs().optionalLong("count").orElse(1L);
        Jid device = event.sender();
        synchronized (answered) {
            if (answered.merge(device + "/" + id, 1, Integer::sum) > MAX_RESENDS) {
                return CompletableFuture.completedFuture(null);
            }
        }
        SentMessage sent = find(event.chat(), id).orElseThrow(() ->
                new IllegalStateException("no sent message " + id + " in " + event.chat()));
        E2EProto.Message message = Protobufs.parse(E2EProto.Message.parser(), sent.message());
        if (event.fromMe() && !event.chat().isGroup()) {
            message = E2EProto.Message.newBuilder().setDeviceSentMessage(E2EProto.Message.DeviceSentMessage.newBuilder()
                    .setDestinationJid(sent.chat().toString()).setMessage(message)).build();
        }
        String type = MessageSender.typeOf(message);
        E2EProto.Message content = message;
        CompletableFuture<Map<Jid, PreKeyBundle>> keys;
        if (receipt.child("keys").isPresent()) {
            keys = CompletableFuture.completedFuture(Map.of(device, PreKeyBundles.parse(device.device(), receipt)));
        } else if (encryptor.withoutSession(store, List.of(device), own).isEmpty()) {
            keys = CompletableFuture.completedFuture(Map.of());
        } else {
            keys = bundles.fetch(List.of(device));
        }
        boolean group = event.chat().isGroup();
        return keys.thenApplyAsync(found -> stanza(receipt, retry, device, found.get(device), content, group ? event.chat() : null,
                type, count, own), workers).thenCompose(channel::send);
    }

    /** The resend; in a group ({@code group} not null) it carries our sender key too, so later skmsgs decrypt. */
    private Node stanza(Node receipt, Node retry, Jid device, PreKeyBundle bundle, E2EProto.Message content, Jid group,
                        String type, long count, DeviceCredentials own) {
        Node enc;
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            E2EProto.Message payload = group == null ? content : GroupSender.withSenderKey(work, senderKeys, group, own, content);
            enc = encryptor.encryptFor(work, device, bundle, payload.toByteArray(), own)
                    .orElseThrow(() -> new IllegalStateException("no session with " + device + " to answer a retry"));
            work.commit();
        } finally {
            signalLock.unlock();
        }
        Node counted = Node.builder("enc").attr("v", "2").attr("type", enc.attrs().string("type")).attr("count", count)
                .content(enc.content()).build();
        List<Node> children = new ArrayList<>(List.of(counted));
        if (counted.attrs().string("type").equals("pkmsg")) {
            children.add(Node.builder("device-identity").bytes(own.account()).build());
        }
        Node.Builder message = Node.builder("message").attr("to", receipt.attrs().jid("from")).attr("type", type)
                .attr("id", retry.attrs().optionalString("id").orElse(receipt.attrs().string("id")))
                .attr("t", retry.attrs().optionalString("t").orElse("0")).attr("device_fanout", "false");
        receipt.attrs().optionalJid("participant").ifPresent(p -> message.attr("participant", p));
        receipt.attrs().optionalJid("recipient").ifPresent(r -> message.attr("recipient", r));
        return message.children(children).build();
    }

    /** The sent message under the chat as named, or under its other address (phone number / LID). */
    private Optional<SentMessage> find(Jid chat, String id) {
        Optional<SentMessage> direct = store.sentMessage(chat, id);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<Jid> alt = chat.isLid() ? store.phoneForLid(chat) : chat.isPhoneUser() ? store.lidForPhone(chat) : Optional.empty();
        return alt.flatMap(a -> store.sentMessage(a, id));
    }
}
