package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.PreKeyAllocator;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageCodec;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Our account (15550001111, device 3) with messaging over a {@link FakeChannel}, and peers that are real Signal
 * parties. Events and sent stanzas go to one journal, so tests can check their order.
 */
final class Fixture implements AutoCloseable {

    static final Jid OWN = Jid.parse("15550001111:3@s.whatsapp.net");
    static final Jid OWN_LID = Jid.parse("100000000000001:3@lid");
    static final byte[] ACCOUNT = {1, 2, 3, 4};

    final SecureRandom random = new SecureRandom();
    final InMemoryAccountStore store = new InMemoryAccountStore("test");
    final List<String> journal = new CopyOnWriteArrayList<>();
    final List<MessageEvent> events = new CopyOnWriteArrayList<>();
    final FakeChannel channel = new FakeChannel(journal);
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final Messaging messaging;

    Fixture() {
        this(MessagingConfig.defaults());
    }

    Fixture(MessagingConfig config) {
        store.save(DeviceCredentials.generate(random, 0).paired(OWN, OWN_LID, ACCOUNT));
        messaging = new Messaging(store, channel, config, ClientScheduler.of(timers), workers, Clock.systemUTC(), random,
                new PreKeyAllocator(store, random));
        messaging.addListener(event -> {
            events.add(event);
            journal.add("event:" + event.getClass().getSimpleName());
        });
    }

    DeviceCredentials own() {
        return store.load().orElseThrow();
    }

    /** Our bundle with a fresh one-time prekey (stored), as the server would hand it out. */
    PreKeyBundle ourBundle() {
        DeviceCredentials own = own();
        PreKeyRecord preKey = KeyHelper.generatePreKeys(own.nextPreKeyId(), 1, random).getFirst();
        store.storePreKey(preKey);
        store.save(own.withNextPreKeyId(KeyHelper.nextPreKeyId(preKey.id())));
        return new PreKeyBundle(own.registrationId(), OWN.device(), OptionalInt.of(preKey.id()), preKey.keyPair().publicKey(),
                own.signedPreKey().id(), own.signedPreKey().keyPair().publicKey(), own.signedPreKey().signature(),
                own.identity().publicKey());
    }

    /** A peer device: a Signal party whose address is the device's phone-number JID. */
    Peer peer(String device) {
        Jid jid = Jid.parse(device);
        return new Peer(jid, new TestParty(Addressing.signalAddress(jid), IdentityKeyPair.generate(random), random));
    }

    /** A peer device and what it needs to talk to us. */
    final class Peer {
        final Jid jid;
        final TestParty party;
        /** Our address in the peer's store. */
        final SignalAddress us = Addressing.signalAddress(OWN);

        Peer(Jid jid, TestParty party) {
            this.jid = jid;
            this.party = party;
        }

        /** Starts the peer's session with us from our bundle. */
        Peer withSession() {
            party.builder.processBundle(party.store, us, ourBundle());
            return this;
        }

        Ciphertext encrypt(E2EProto.Message message) {
            return party.cipher.encrypt(party.store, us, MessageCodec.encode(message, random));
        }

        Ciphertext encryptText(String text) {
            return encrypt(E2EProto.Message.newBuilder().setConversation(text).build());
        }

        /** A 1:1 message stanza from this peer with one enc. */
        Node stanza(String id, Ciphertext ciphertext) {
            return Node.builder("message").attr("from", jid).attr("id", id).attr("t", 1_700_000_000L)
                    .attr("type", "text").attr("notify", "Bob").children(enc(ciphertext)).build();
        }

        /** Decrypts what we sent to this peer (an enc node), unpadded and parsed. */
        E2EProto.Message decrypt(Node enc) {
            byte[] plaintext = party.cipher.decrypt(party.store, Addressing.signalAddress(OWN),
                    enc.attrs().string("type"), enc.contentBytes().orElseThrow()).plaintext();
            return MessageCodec.decode(plaintext);
        }
    }

    static Node enc(Ciphertext ciphertext) {
        return Node.builder("enc").attr("v", "2").attr("type", ciphertext.type()).bytes(ciphertext.serialized()).build();
    }

    List<MessageEvent.MessageReceived> received() {
        return events.stream().filter(MessageEvent.MessageReceived.class::isInstance)
                .map(MessageEvent.MessageReceived.class::cast).toList();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
    }
}
