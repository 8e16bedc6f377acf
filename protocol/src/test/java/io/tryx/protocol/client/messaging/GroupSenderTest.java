package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageCodec;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group sends with real Signal parties behind a fake server: the sender key distribution goes only to devices that
 * lack our current key, the skmsg to everyone, and a removed participant makes the next send use a new key.
 */
class GroupSenderTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    static final Jid GROUP = Jid.parse("120363000000000001@g.us");
    private static final Jid ME = Fixture.OWN.toNonAd();
    private static final Jid BOB = Jid.parse("15550002222@s.whatsapp.net");
    private static final Jid CAROL = Jid.parse("15550003333@s.whatsapp.net");
    private static final Jid DAVE = Jid.parse("15550004444@s.whatsapp.net");

    private final Fixture fixture = new Fixture();
    private final Fixture.Peer bobPhone = fixture.peer("15550002222@s.whatsapp.net");
    private final Fixture.Peer bobWeb = fixture.peer("15550002222:1@s.whatsapp.net");
    private final Fixture.Peer carolPhone = fixture.peer("15550003333@s.whatsapp.net");
    private final Fixture.Peer davePhone = fixture.peer("15550004444@s.whatsapp.net");
    private final Fixture.Peer ownPhone = fixture.peer("15550001111@s.whatsapp.net");
    private final Fixture.Peer ownTablet = fixture.peer("15550001111:5@s.whatsapp.net");
    /** The group's participants as the server knows them. */
    private final List<Jid> members = new CopyOnWriteArrayList<>(List.of(ME, BOB, CAROL));
    private final List<Node> groupQueries = new CopyOnWriteArrayList<>();
    /** What each peer's store calls our sender key. */
    private final SenderKeyName ours = new SenderKeyName(GROUP.toString(), Addressing.signalAddress(Fixture.OWN));

    GroupSenderTest() {
        Map<Jid, Function<Jid, PreKeyBundle>> bundles = new HashMap<>();
        for (Fixture.Peer peer : List.of(bobPhone, bobWeb, carolPhone, davePhone, ownPhone, ownTablet)) {
            bundles.put(peer.jid, j -> peer.party.bundle());
        }
        Function<Node, Node> oneToOne = ServerAnswers.of(List.of(
                new ServerAnswers.UserDevices(BOB, List.of(0, 1), null),
                new ServerAnswers.UserDevices(CAROL, List.of(0), null),
                new ServerAnswers.UserDevices(DAVE, List.of(0), null),
                new ServerAnswers.UserDevices(ME, List.of(0, 3, 5), Fixture.OWN_LID.toNonAd())), bundles);
        fixture.channel.answers = iq -> {
            if (!iq.attrs().string("xmlns").equals("w:g2")) {
                return oneToOne.apply(iq);
            }
            groupQueries.add(iq);
            return Node.builder("iq").attr("id", iq.attrs().string("id")).attr("type", "result").attr("from", GROUP)
                    .children(groupNode(members)).build();
        };
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theFirstSendDistributesTheKeyToEveryDeviceAndOneSkmsgReachesThemAll() throws Exception {
        List<String> committedBeforeSend = new CopyOnWriteArrayList<>();
        fixture.channel.onSend = node -> {
            if (node.tag().equals("message")) {
                String id = node.attrs().string("id");
                if (fixture.store.sentMessage(GROUP, id).isPresent() && fixture.store.senderKeyRecipients(GROUP).size() == 5) {
                    committedBeforeSend.add(id);
                }
            }
        };
        CompletableFuture<SendResult> sent = fixture.messaging.sendText(GROUP, "hello group");
        Node message = awaitMessage(1);
        String id = message.attrs().string("id");

        assertThat(message.attrs().string("to")).isEqualTo(GROUP.toString());
        assertThat(message.attrs().string("type")).isEqualTo("text");
        assertThat(message.attrs().string("addressing_mode")).isEqualTo("pn");
        assertThat(committedBeforeSend).containsExactly(id);
        assertThat(distributedTo(message)).containsExactlyInAnyOrder(bobPhone.jid, bobWeb.jid, carolPhone.jid,
                ownPhone.jid, ownTablet.jid);
        assertThat(message.child("participants").orElseThrow().children("to"))
                .allSatisfy(t -> assertThat(t.child("enc").orElseThrow().attrs().string("type")).isEqualTo("pkmsg"));
        assertThat(message.child("device-identity").flatMap(Node::contentBytes).orElseThrow()).isEqualTo(Fixture.ACCOUNT);
        assertThat(message.children("enc")).singleElement().satisfies(e -> assertThat(e.attrs().string("type")).isEqualTo("skmsg"));
        for (Fixture.Peer peer : List.of(bobPhone, bobWeb, carolPhone, ownPhone, ownTablet)) {
            E2EProto.Message.SenderKeyDistributionMessage key = receiveKey(peer, message);
            assertThat(key.getGroupId()).isEqualTo(GROUP.toString());
            assertThat(readSkmsg(peer, message)).isEqualTo("hello group");
        }
        assertThat(groupQueries).hasSize(1);
        assertThat(groupQueries.getFirst().attrs().string("type")).isEqualTo("get");
        assertThat(groupQueries.getFirst().child("query").orElseThrow().attrs().string("request")).isEqualTo("interactive");

        assertThat(sent).isNotDone();
        fixture.messaging.onStanza(Node.builder("ack").attr("class", "message").attr("id", id).attr("from", GROUP)
                .attr("t", 1_700_000_321L).build());
        assertThat(sent.get(5, TimeUnit.SECONDS)).isEqualTo(new SendResult(id, Instant.ofEpochSecond(1_700_000_321L)));
    }

    @Test
    void laterSendsCarryOnlyTheSkmsgAndANewMemberGetsJustTheKey() {
        fixture.messaging.sendText(GROUP, "first");
        Node first = awaitMessage(1);
        for (Fixture.Peer peer : List.of(bobPhone, bobWeb, carolPhone)) {
            receiveKey(peer, first);
            assertThat(readSkmsg(peer, first)).isEqualTo("first");
        }
        int queries = fixture.channel.queries.size();

        fixture.messaging.sendText(GROUP, "second");
        Node second = awaitMessage(2);
        assertThat(second.child("participants")).as("everyone holds the key").isEmpty();
        assertThat(second.child("device-identity")).isEmpty();
        assertThat(fixture.channel.queries).as("metadata, devices and sessions are cached").hasSize(queries);
        for (Fixture.Peer peer : List.of(bobPhone, bobWeb, carolPhone)) {
            assertThat(readSkmsg(peer, second)).isEqualTo("second");
        }

        members.add(DAVE);
        fixture.messaging.onNotification(notification("n1", Node.builder("add").children(participant(DAVE)).build()));
        await().atMost(WITHIN).until(() -> fixture.journal.contains("sent:ack:n1"));
        assertThat(fixture.journal).containsSubsequence("event:ParticipantsChanged", "sent:ack:n1");
        GroupEvent.ParticipantsChanged added = (GroupEvent.ParticipantsChanged) fixture.events.getLast();
        assertThat(added.action()).isEqualTo(ParticipantAction.ADD);
        assertThat(added.participants()).containsExactly(DAVE);
        assertThat(added.actor()).isEqualTo(ME);

        fixture.messaging.sendText(GROUP, "welcome dave");
        Node third = awaitMessage(3);
        assertThat(groupQueries).as("the change made the metadata stale").hasSize(2);
        assertThat(distributedTo(third)).containsExactly(davePhone.jid);
        assertThat(third.child("device-identity")).isPresent();
        receiveKey(davePhone, third);
        assertThat(readSkmsg(davePhone, third)).isEqualTo("welcome dave");
        assertThat(readSkmsg(bobWeb, third)).isEqualTo("welcome dave");
    }

    @Test
    void removingAParticipantRotatesTheKeySoTheRemovedCannotReadOn() {
        fixture.messaging.sendText(GROUP, "before");
        Node before = awaitMessage(1);
        List<Fixture.Peer> stay = List.of(bobPhone, bobWeb, ownPhone, ownTablet);
        int firstKeyId = keyId(receiveKey(bobWeb, before));
        for (Fixture.Peer peer : List.of(bobPhone, carolPhone, ownPhone, ownTablet)) {
            receiveKey(peer, before);
        }
        for (Fixture.Peer peer : List.of(bobPhone, bobWeb, carolPhone, ownPhone, ownTablet)) {
            assertThat(readSkmsg(peer, before)).isEqualTo("before");
        }

        members.remove(CAROL);
        fixture.messaging.onNotification(notification("n2", Node.builder("remove").children(participant(CAROL)).build()));
        await().atMost(WITHIN).until(() -> fixture.journal.contains("sent:ack:n2"));
        assertThat(fixture.store.senderKeyRecipients(GROUP)).isEmpty();

        fixture.messaging.sendText(GROUP, "after carol");
        Node after = awaitMessage(2);
        assertThat(distributedTo(after)).containsExactlyInAnyOrder(bobPhone.jid, bobWeb.jid, ownPhone.jid, ownTablet.jid);
        assertThat(fixture.channel.queries.stream().filter(q -> q.attrs().string("xmlns").equals("encrypt")))
                .as("the new key travels on the existing sessions: no second prekey fetch").hasSize(1);
        for (Fixture.Peer peer : stay) {
            E2EProto.Message.SenderKeyDistributionMessage key = receiveKey(peer, after);
            assertThat(keyId(key)).isNotEqualTo(firstKeyId);
            assertThat(readSkmsg(peer, after)).isEqualTo("after carol");
        }
        assertThatThrownBy(() -> readSkmsg(carolPhone, after)).as("Carol holds only the old key")
                .isInstanceOf(io.tryx.protocol.ProtocolException.class);
        assertThat(fixture.store.senderKeyRecipients(GROUP))
                .containsExactlyInAnyOrder(bobPhone.jid, bobWeb.jid, ownPhone.jid, ownTablet.jid);
    }

    @Test
    void aRetryReceiptInTheGroupGetsTheMessageAgainWithOurSenderKey() {
        fixture.messaging.sendText(GROUP, "lost at bob");
        Node first = awaitMessage(1);
        String id = first.attrs().string("id");
        E2EProto.Message.SenderKeyDistributionMessage original = bobWeb.decrypt(MessageSenderTest.encFor(first, bobWeb))
                .getSenderKeyDistributionMessage();

        fixture.messaging.onStanza(Node.builder("receipt").attr("from", GROUP).attr("participant", bobWeb.jid)
                .attr("id", id).attr("type", "retry").attr("t", 9L).children(
                        Node.builder("retry").attr("count", 1).attr("id", id).attr("t", 5L).attr("v", "1").build(),
                        Node.builder("registration").bytes(new byte[] {0, 0, 0, 1}).build()).build());
        Node again = awaitMessage(2);
        assertThat(again.attrs().string("id")).isEqualTo(id);
        assertThat(again.attrs().string("to")).isEqualTo(GROUP.toString());
        assertThat(again.attrs().string("participant")).isEqualTo(bobWeb.jid.toString());
        Node enc = again.child("enc").orElseThrow();
        assertThat(enc.attrs().string("count")).isEqualTo("1");
        E2EProto.Message resent = bobWeb.decrypt(enc);
        assertThat(resent.getConversation()).isEqualTo("lost at bob");
        assertThat(resent.getSenderKeyDistributionMessage().getGroupId()).isEqualTo(GROUP.toString());
        assertThat(keyId(resent.getSenderKeyDistributionMessage())).isEqualTo(keyId(original));

        peerProcesses(bobWeb, resent.getSenderKeyDistributionMessage());
        fixture.messaging.sendText(GROUP, "readable again");
        assertThat(readSkmsg(bobWeb, awaitMessage(3))).isEqualTo("readable again");
    }

    @Test
    void aGroupWithoutUsAndAnUnknownGroupAreRefusedBeforeAnythingIsSent() {
        members.remove(ME);
        CompletableFuture<SendResult> notIn = fixture.messaging.sendText(GROUP, "?");
        assertThatThrownBy(() -> notIn.get(5, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(SendException.class,
                e -> assertThat(e.reason()).isEqualTo(SendException.Reason.NOT_A_PARTICIPANT));

        Node errorAnswer = Node.builder("iq").attr("type", "error").build();
        fixture.channel.answers = iq -> {
            throw new IqException(404, "item-not-found", errorAnswer);
        };
        CompletableFuture<SendResult> unknown = fixture.messaging.sendText(Jid.parse("120363999999999999@g.us"), "?");
        assertThatThrownBy(() -> unknown.get(5, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(SendException.class, e -> {
            assertThat(e.reason()).isEqualTo(SendException.Reason.PREPARATION_FAILED);
            assertThat(e.getCause()).isInstanceOfSatisfying(IqException.class, iq -> assertThat(iq.code()).isEqualTo(404));
        });
        assertThat(fixture.channel.sent("message")).isEmpty();
    }

    @Test
    void markReadInAGroupNamesTheSenderAsParticipant() throws Exception {
        fixture.messaging.markRead(GROUP, bobWeb.jid, "A").get(5, TimeUnit.SECONDS);
        Node receipt = fixture.channel.sent("receipt").getFirst();
        assertThat(receipt.attrs().string("to")).isEqualTo(GROUP.toString());
        assertThat(receipt.attrs().string("participant")).isEqualTo(BOB.toString());
        assertThat(receipt.attrs().string("type")).isEqualTo("read");
    }

    private Node awaitMessage(int count) {
        await().atMost(WITHIN).until(() -> fixture.channel.sent("message").size() == count);
        return fixture.channel.sent("message").get(count - 1);
    }

    private static List<Jid> distributedTo(Node message) {
        return message.child("participants").map(p -> p.children("to")).orElse(List.of()).stream()
                .map(t -> t.attrs().jid("jid")).toList();
    }

    /** Decrypts the peer's distribution enc and stores our sender key in its store. */
    private E2EProto.Message.SenderKeyDistributionMessage receiveKey(Fixture.Peer peer, Node message) {
        E2EProto.Message.SenderKeyDistributionMessage key = peer.decrypt(MessageSenderTest.encFor(message, peer))
                .getSenderKeyDistributionMessage();
        peerProcesses(peer, key);
        return key;
    }

    private void peerProcesses(Fixture.Peer peer, E2EProto.Message.SenderKeyDistributionMessage key) {
        peer.party.groupBuilder.process(peer.party.store, ours,
                SenderKeyDistributionMessage.parse(key.getAxolotlSenderKeyDistributionMessage().toByteArray()));
    }

    private static int keyId(E2EProto.Message.SenderKeyDistributionMessage key) {
        return SenderKeyDistributionMessage.parse(key.getAxolotlSenderKeyDistributionMessage().toByteArray()).keyId();
    }

    private String readSkmsg(Fixture.Peer peer, Node message) {
        byte[] skmsg = message.children("enc").stream().filter(e -> e.attrs().string("type").equals("skmsg"))
                .findFirst().orElseThrow().contentBytes().orElseThrow();
        return MessageCodec.decode(peer.party.groupCipher.decrypt(peer.party.store, ours, skmsg)).getConversation();
    }

    private static Node notification(String id, Node change) {
        return Node.builder("notification").attr("from", GROUP).attr("type", "w:gp2").attr("id", id)
                .attr("participant", ME).attr("t", 1_700_000_000L).children(change).build();
    }

    private static Node participant(Jid user) {
        return Node.builder("participant").attr("jid", user).build();
    }

    static Node groupNode(List<Jid> members) {
        List<Node> participants = new ArrayList<>();
        for (Jid member : members) {
            Node.Builder p = Node.builder("participant").attr("jid", member);
            if (member.equals(ME)) {
                p.attr("type", "superadmin");
            }
            participants.add(p.build());
        }
        return Node.builder("group").attr("id", GROUP.user()).attr("creator", ME).attr("creation", 1_700_000_000L)
                .attr("subject", "Team").attr("s_t", 1_700_000_000L).attr("s_o", ME).attr("addressing_mode", "pn")
                .children(participants).build();
    }
}
