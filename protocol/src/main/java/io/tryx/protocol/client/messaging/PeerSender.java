package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageIds;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.UnitOfWork;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;

/**
 * Sends peer protocol messages (app-state key requests, ...) to our own primary device: {@code <message
 * to="<own user>" type="text" category="peer" push_priority="high"><enc/></message>}, one {@code enc} encrypted
 * on the session with device 0 (started from its bundle when there is none), no device-sent wrapping, as WhatsApp
 * Web does. The Signal writes commit in one unit of work before the stanza leaves; completes on the server's ack.
 */
final class PeerSender {

    private final AccountStore store;
    private final StanzaChannel channel;
    private final Lock signalLock;
    private final Executor workers;
    private final InstantSource clock;
    private final SecureRandom random;
    private final PreKeyBundles bundles;
    private final OutgoingEncryptor encryptor;
    private final AckTracker acks;

    PeerSender(AccountStore store, StanzaChannel channel, Lock signalLock, Executor workers, InstantSource clock,
               SecureRandom random, PreKeyBundles bundles, OutgoingEncryptor encryptor, AckTracker acks) {
        this.store = store;
        this.channel = channel;
        this.signalLock = signalLock;
        this.workers = workers;
        this.clock = clock;
        this.random = random;
        this.bundles = bundles;
        this.encryptor = encryptor;
        this.acks = acks;
    }

    CompletableFuture<SendResult> send(E2EProto.Message message) {
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
        if (own == null) {
            return CompletableFuture.failedFuture(new SendException(SendException.Reason.NOT_CONNECTED, "not paired"));
        }
        Jid primary = own.deviceJid().toNonAd().withDevice(0);
        List<Jid> missing = encryptor.withoutSession(store, List.of(primary), own);
        return bundles.fetch(missing)
                .thenApplyAsync(fetched -> encrypt(primary, fetched.get(primary), message, own), workers)
                .thenCompose(stanza -> MessageSender.sendAndAwaitAck(channel, acks, stanza.attrs().string("id"), stanza, null))
                .thenCompose(ack -> ack)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(MessageSender.typed(MessageSender.unwrap(error))));
    }

    private Node encrypt(Jid primary, PreKeyBundle bundle, E2EProto.Message message, DeviceCredentials own) {
        Node enc;
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            enc = encryptor.encryptFor(work, primary, bundle, message.toByteArray(), own).orElseThrow(() ->
                    new SendException(SendException.Reason.NO_DEVICES, "no session with our primary device"));
            work.commit();
        } finally {
            signalLock.unlock();
        }
        List<Node> children = new ArrayList<>();
        children.add(Node.builder("meta").attr("appdata", "default").build());
        children.add(enc);
        if (enc.attrs().string("type").equals("pkmsg")) {
            children.add(Node.builder("device-identity").bytes(own.account()).build());
        }
        String id = MessageIds.generate(clock.instant(), own.deviceJid().user(), random);
        Node.Builder stanza = Node.builder("message").attr("id", id).attr("to", primary.toNonAd())
                .attr("type", "text").attr("category", "peer");
        if (message.hasProtocolMessage()
                && message.getProtocolMessage().getType() == E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_REQUEST) {
            stanza.attr("push_priority", "high");
        }
        return stanza.children(children).build();
    }
}
