package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageCodec;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Receiving with real Signal parties over a fake channel: decrypt, dispatch, then answer; buffer; retries; groups; own copies. */
class MessageReceiverTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final Fixture fixture = new Fixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPkmsgThenAMsgAreDecryptedDispatchedInOrderAndOnlyThenReceipted() {
        Fixture.Peer bob = fixture.peer("15550002222:1@s.whatsapp.net").withSession();
        Ciphertext first = bob.encryptText("one");
        assertThat(first.type()).isEqualTo("pkmsg");
        int preKeysBefore = countPreKeys();

        fixture.messaging.onStanza(bob.stanza("M1", first));
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 1);

        // we answer once, so Bob's next message is a plain msg on the established session
        answer(bob, "ok");
        Ciphertext second = bob.encryptText("two");
        assertThat(second.type()).isEqualTo("msg");
        fixture.messaging.onStanza(bob.stanza("M2", second));
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 2);

        assertThat(fixture.received()).extracting(MessageEvent.MessageReceived::text).containsExactly("one", "two");
        assertThat(fixture.journal).containsExactly("event:MessageReceived", "sent:receipt:M1",
                "event:MessageReceived", "sent:receipt:M2");
        MessageInfo info = fixture.received().getFirst().info();
        assertThat(info.id()).isEqualTo("M1");
        assertThat(info.chat()).isEqualTo(Jid.parse("15550002222@s.whatsapp.net"));
        assertThat(info.sender()).isEqualTo(bob.jid);
        assertThat(info.fromMe()).isFalse();
        assertThat(info.group()).isFalse();
        assertThat(info.pushName()).isEqualTo("Bob");
        assertThat(info.type()).isEqualTo("text");
        assertThat(info.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));

        Node receipt = fixture.channel.sent("receipt").getFirst();
        assertThat(receipt.attrs().string("to")).isEqualTo(bob.jid.toString());
        assertThat(receipt.attrs().has("type")).as("a delivery receipt has no type").isFalse();
        assertThat(countPreKeys()).as("the one-time prekey is consumed").isEqualTo(preKeysBefore - 1);
        byte[] hash = IncomingDecryptor.hash(first.serialized(), "pkmsg", bob.jid, info.chat());
        assertThat(fixture.store.bufferedPlaintext(hash)).hasValueSatisfying(e -> assertThat(e.handled()).isTrue());
    }

    @Test
    void aRedeliveredCiphertextIsServedFromTheBufferAndAHandledOneOnlyReceipted() {
        Fixture.Peer bob = fixture.peer("15550002222:1@s.whatsapp.net").withSession();
        Ciphertext ciphertext = bob.encryptText("buffered");
        Node stanza = bob.stanza("M1", ciphertext);
        AtomicBoolean crash = new AtomicBoolean(true);
        fixture.messaging.addListener(event -> {
            if (crash.get()) {
                throw new IllegalStateException("the application died before handling it");
            }
        });

        fixture.messaging.onStanza(stanza);
        byte[] hash = IncomingDecryptor.hash(ciphertext.serialized(), "pkmsg", bob.jid, bob.jid.toNonAd());
        await().atMost(WITHIN).until(() -> fixture.store.bufferedPlaintext(hash).isPresent());
        assertThat(fixture.store.bufferedPlaintext(hash).orElseThrow().handled()).isFalse();
        await().during(Duration.ofMillis(200)).atMost(WITHIN).until(() -> fixture.channel.sent.isEmpty());

        // the server redelivers the same ciphertext: the ratchet already moved, only the buffer can serve it
        crash.set(false);
        fixture.messaging.onStanza(stanza);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 1);
        assertThat(fixture.received()).extracting(MessageEvent.MessageReceived::text).containsExactly("buffered", "buffered");
        assertThat(fixture.store.bufferedPlaintext(hash).orElseThrow().handled()).isTrue();

        // once more after it was handled: answered, not reported again
        fixture.messaging.onStanza(stanza);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 2);
        assertThat(fixture.received()).hasSize(2);
        assertThat(fixture.events).noneMatch(MessageEvent.UndecryptableMessage.class::isInstance);
    }

    @Test
    void anUndecryptableMessageIsReportedAndRetriedWithKeysFromTheSecondAttempt() {
        // a pkmsg built on someone else's bundle: our keys cannot open it
        Fixture.Peer stranger = fixture.peer("15550003333:2@s.whatsapp.net");
        stranger.party.builder.processBundle(stranger.party.store, stranger.us, fixture.peer("15550009999:1@s.whatsapp.net")
                .party.bundle());
        Ciphertext garbage = stranger.encryptText("not for you");
        Node stanza = stranger.stanza("BAD", garbage);

        fixture.messaging.onStanza(stanza);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 1);
        MessageEvent.UndecryptableMessage failed = (MessageEvent.UndecryptableMessage) fixture.events.getFirst();
        assertThat(failed.info().id()).isEqualTo("BAD");
        assertThat(failed.reason()).isIn(DecryptFailure.INVALID_PREKEY, DecryptFailure.BAD_MAC);
        Node retry = fixture.channel.sent("receipt").getFirst();
        assertThat(retry.attrs().string("type")).isEqualTo("retry");
        assertThat(retry.attrs().string("to")).isEqualTo(stranger.jid.toString());
        assertThat(retry.child("retry").orElseThrow().attrs().string("count")).isEqualTo("1");
        assertThat(retry.child("retry").orElseThrow().attrs().string("id")).isEqualTo("BAD");
        assertThat(retry.child("registration").flatMap(Node::contentBytes).orElseThrow()).hasSize(4);
        assertThat(retry.child("keys")).isEmpty();
        assertThat(fixture.journal).containsSubsequence("event:UndecryptableMessage", "sent:receipt:BAD", "sent:ack:BAD");

        int nextPreKey = fixture.own().nextPreKeyId();
        fixture.messaging.onStanza(stanza);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 2);
        Node second = fixture.channel.sent("receipt").get(1);
        assertThat(second.child("retry").orElseThrow().attrs().string("count")).isEqualTo("2");
        Node keys = second.child("keys").orElseThrow();
        assertThat(keys.child("identity").flatMap(Node::contentBytes).orElseThrow())
                .isEqualTo(fixture.own().identity().publicKey().publicKey());
        assertThat(keys.child("device-identity").flatMap(Node::contentBytes).orElseThrow()).isEqualTo(Fixture.ACCOUNT);
        var bundle = PreKeyBundles.parse(3, second);
        assertThat(bundle.preKeyId()).hasValue(nextPreKey);
        assertThat(fixture.store.preKey(nextPreKey)).as("the fresh prekey is stored before the receipt leaves").isPresent();
        assertThat(fixture.own().nextPreKeyId()).isEqualTo(nextPreKey + 1);
    }

    @Test
    void aMsgAfterWeLostTheSessionIsNoSession() {
        Fixture.Peer bob = fixture.peer("15550002222:1@s.whatsapp.net").withSession();
        fixture.messaging.onStanza(bob.stanza("P1", bob.encryptText("hello")));
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 1);
        answer(bob, "hi");
        fixture.store.deleteSession(new SignalAddress("15550002222", 1));

        Ciphertext whisper = bob.encryptText("after we lost the session");
        assertThat(whisper.type()).isEqualTo("msg");
        fixture.messaging.onStanza(bob.stanza("P2", whisper));
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 1);
        MessageEvent.UndecryptableMessage failed = (MessageEvent.UndecryptableMessage) fixture.events.getLast();
        assertThat(failed.info().id()).isEqualTo("P2");
        assertThat(failed.reason()).isEqualTo(DecryptFailure.NO_SESSION);
        assertThat(fixture.channel.sent("receipt").getLast().attrs().string("type")).isEqualTo("retry");
    }

    @Test
    void aGroupSkmsgAfterTheSenderKeyDistributionIsDecrypted() {
        Fixture.Peer bob = fixture.peer("15550002222:1@s.whatsapp.net").withSession();
        Jid group = Jid.parse("120363000000000001@g.us");
        SenderKeyName bobsKey = new SenderKeyName(group.toString(), bob.party.address);
        SenderKeyDistributionMessage distribution = bob.party.groupBuilder.create(bob.party.store, bobsKey);
        E2EProto.Message skdm = E2EProto.Message.newBuilder().setSenderKeyDistributionMessage(
                E2EProto.Message.SenderKeyDistributionMessage.newBuilder().setGroupId(group.toString())
                        .setAxolotlSenderKeyDistributionMessage(com.google.protobuf.ByteString.copyFrom(distribution.serialized())))
                .build();
        byte[] groupText = bob.party.groupCipher.encrypt(bob.party.store, bobsKey,
                MessageCodec.encode(text("hello group"), fixture.random));
        Node stanza = Node.builder("message").attr("from", group).attr("participant", bob.jid).attr("id", "G1")
                .attr("t", 1_700_000_000L).attr("type", "text").children(
                        Fixture.enc(bob.encrypt(skdm)),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(groupText).build()).build();

        fixture.messaging.onStanza(stanza);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 1);
        MessageEvent.MessageReceived received = fixture.received().getFirst();
        assertThat(received.text()).isEqualTo("hello group");
        assertThat(received.message().hasSenderKeyDistributionMessage()).isFalse();
        assertThat(received.info().group()).isTrue();
        assertThat(received.info().chat()).isEqualTo(group);
        assertThat(received.info().sender()).isEqualTo(bob.jid);
        Node receipt = fixture.channel.sent("receipt").getFirst();
        assertThat(receipt.attrs().string("to")).isEqualTo(group.toString());
        assertThat(receipt.attrs().string("participant")).isEqualTo(bob.jid.toString());

        // the next group message carries only the skmsg
        byte[] next = bob.party.groupCipher.encrypt(bob.party.store, bobsKey, MessageCodec.encode(text("again"), fixture.random));
        fixture.messaging.onStanza(Node.builder("message").attr("from", group).attr("participant", bob.jid).attr("id", "G2")
                .attr("t", 1_700_000_001L).children(Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(next)
                        .build()).build());
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 2);
        assertThat(fixture.received()).extracting(MessageEvent.MessageReceived::text).containsExactly("hello group", "again");

        // a member whose key never arrived: undecryptable, reason no sender key
        Fixture.Peer carol = fixture.peer("15550003333:1@s.whatsapp.net");
        SenderKeyName carolsKey = new SenderKeyName(group.toString(), carol.party.address);
        carol.party.groupBuilder.create(carol.party.store, carolsKey);
        byte[] unknown = carol.party.groupCipher.encrypt(carol.party.store, carolsKey, MessageCodec.encode(text("?"), fixture.random));
        fixture.messaging.onStanza(Node.builder("message").attr("from", group).attr("participant", carol.jid).attr("id", "G3")
                .attr("t", 1_700_000_002L).children(Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(unknown)
                        .build()).build());
        await().atMost(WITHIN).until(() -> fixture.events.getLast() instanceof MessageEvent.UndecryptableMessage);
        assertThat(((MessageEvent.UndecryptableMessage) fixture.events.getLast()).reason()).isEqualTo(DecryptFailure.NO_SENDER_KEY);
    }

    @Test
    void ourOtherDevicesCopyIsUnwrappedToItsDestinationAndAnsweredAsSender() {
        Fixture.Peer ownPhone = fixture.peer("15550001111:5@s.whatsapp.net").withSession();
        Jid chat = Jid.parse("15550002222@s.whatsapp.net");
        E2EProto.Message copy = E2EProto.Message.newBuilder().setDeviceSentMessage(
                E2EProto.Message.DeviceSentMessage.newBuilder().setDestinationJid(chat.toString()).setMessage(text("sent elsewhere")))
                .build();
        Node stanza = Node.builder("message").attr("from", ownPhone.jid).attr("recipient", chat).attr("id", "D1")
                .attr("t", 1_700_000_000L).attr("type", "text").children(Fixture.enc(ownPhone.encrypt(copy))).build();

        fixture.messaging.onStanza(stanza);
        await().atMost(WITHIN).until(() -> fixture.channel.sent("receipt").size() == 1);
        MessageEvent.MessageReceived received = fixture.received().getFirst();
        assertThat(received.text()).isEqualTo("sent elsewhere");
        assertThat(received.message().hasDeviceSentMessage()).isFalse();
        assertThat(received.info().fromMe()).isTrue();
        assertThat(received.info().chat()).isEqualTo(chat);
        assertThat(received.info().sender()).isEqualTo(ownPhone.jid);
        Node receipt = fixture.channel.sent("receipt").getFirst();
        assertThat(receipt.attrs().string("type")).isEqualTo("sender");
        assertThat(receipt.attrs().string("to")).isEqualTo(ownPhone.jid.toString());
        assertThat(receipt.attrs().string("recipient")).isEqualTo(chat.toString());
    }

    @Test
    void aStanzaWithoutSourceIsNackedAndTheNextOneStillHandled() {
        fixture.messaging.onStanza(Node.builder("message").attr("id", "X").build());
        await().atMost(WITHIN).until(() -> fixture.channel.sent("ack").size() == 1);
        assertThat(fixture.channel.sent("ack").getFirst().attrs().string("error")).isEqualTo("487");

        Fixture.Peer bob = fixture.peer("15550002222:1@s.whatsapp.net").withSession();
        fixture.messaging.onStanza(bob.stanza("OK", bob.encryptText("fine")));
        await().atMost(WITHIN).until(() -> fixture.received().size() == 1);
    }

    /** We encrypt a reply on our session with Bob (as a send would) and Bob decrypts it. */
    private void answer(Fixture.Peer bob, String text) {
        Ciphertext reply = new io.tryx.protocol.signal.session.SessionCipher(fixture.random).encrypt(fixture.store,
                new SignalAddress("15550002222", 1), MessageCodec.encode(text(text), fixture.random));
        assertThat(bob.decrypt(Fixture.enc(reply)).getConversation()).isEqualTo(text);
    }

    private static E2EProto.Message text(String text) {
        return E2EProto.Message.newBuilder().setConversation(text).build();
    }

    private int countPreKeys() {
        int count = 0;
        for (int id = 1; id < fixture.own().nextPreKeyId(); id++) {
            if (fixture.store.preKey(id).isPresent()) {
                count++;
            }
        }
        return count;
    }
}
