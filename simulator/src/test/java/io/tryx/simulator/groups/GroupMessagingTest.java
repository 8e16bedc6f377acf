package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tryx.simulator.groups.GroupHarness.A;
import static io.tryx.simulator.groups.GroupHarness.B;
import static io.tryx.simulator.groups.GroupHarness.B_JID;
import static io.tryx.simulator.groups.GroupHarness.C;
import static io.tryx.simulator.groups.GroupHarness.C_JID;
import static io.tryx.simulator.groups.GroupHarness.change;
import static io.tryx.simulator.messaging.MessagingHarness.filled;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.messaging.MessagingHarness.to;
import static org.assertj.core.api.Assertions.assertThat;

/** Group message fan-out (skmsg plus per-device sender keys), refusals, the offline queue and group receipts. */
class GroupMessagingTest {

    private final GroupHarness h = new GroupHarness();
    private final TestClient a2 = h.m.companion(h.a, 10);
    private final String group = h.create(h.a1, "Team", B_JID, C_JID);

    @Test
    void eachMemberDeviceGetsTheSkmsgAfterItsOwnSenderKeyDistribution() {
        h.a1.send(groupMessage("G1", h.b.lid().withDevice(1).toString(), true));

        Node ack = tagged(h.a1, "ack").getLast();
        assertThat(ack.attrs().string("id")).isEqualTo("G1");
        assertThat(ack.attrs().string("from")).isEqualTo(group);
        assertThat(ack.attrs().has("error")).isFalse();

        Node atB = tagged(h.b1, "message").getLast();
        assertThat(atB.attrs().string("from")).isEqualTo(group);
        assertThat(atB.attrs().string("participant")).isEqualTo(A + ":1@s.whatsapp.net");
        assertThat(atB.attrs().string("participant_lid")).isEqualTo(h.a.lid().withDevice(1).toString());
        assertThat(atB.attrs().string("notify")).isEqualTo("Alice");
        assertThat(atB.attrs().string("addressing_mode")).isEqualTo("pn");
        assertThat(atB.children()).extracting(Node::tag).containsExactly("enc", "enc", "device-identity");
        assertThat(atB.children("enc")).extracting(e -> e.attrs().string("type")).containsExactly("pkmsg", "skmsg");
        assertThat(atB.children("enc").getLast().contentBytes().orElseThrow()).isEqualTo(filled(20, 9));

        Node atC = tagged(h.c1, "message").getLast();
        assertThat(atC.children()).extracting(Node::tag).containsExactly("enc");
        assertThat(atC.child("enc").orElseThrow().attrs().string("type")).isEqualTo("skmsg");
        assertThat(tagged(a2, "message").getLast().attrs().string("participant")).isEqualTo(A + ":1@s.whatsapp.net");
        assertThat(tagged(h.a1, "message")).isEmpty();

        h.a1.send(groupMessage("G1", B + ":1@s.whatsapp.net", true));
        assertThat(tagged(h.b1, "message")).hasSize(1);

        // a retry resend of the same id to C's device only
        h.a1.send(Node.builder("message").attr("id", "G1").attr("to", group).attr("participant", C + ":1@s.whatsapp.net")
                .children(Node.builder("enc").attr("v", "2").attr("type", "msg").attr("count", "1").bytes(filled(20, 5)).build()).build());
        assertThat(tagged(h.c1, "message")).hasSize(2);
        assertThat(tagged(h.c1, "message").getLast().child("enc").orElseThrow().attrs().string("type")).isEqualTo("msg");
        assertThat(tagged(h.b1, "message")).hasSize(1);
        assertThat(tagged(a2, "message")).hasSize(1);
    }

    @Test
    void nonMembersUnknownGroupsAndMalformedStanzasAreNacked() {
        TestClient stranger = h.m.companion(h.m.harness.accounts.create("15550007774", "Dave"), 10);
        stranger.send(groupMessage("N1", B_JID, false));
        assertThat(tagged(stranger, "ack").getLast().attrs().string("error")).isEqualTo("403");
        h.a1.send(Node.builder("message").attr("id", "N2").attr("to", "120363000000000003@g.us")
                .children(skmsg()).build());
        assertThat(tagged(h.a1, "ack").getLast().attrs().string("error")).isEqualTo("404");
        h.a1.send(Node.builder("message").attr("id", "N3").attr("to", group).build());
        assertThat(tagged(h.a1, "ack").getLast().attrs().string("error")).isEqualTo("400");
        h.a1.send(Node.builder("message").attr("id", "N4").attr("to", group).children(
                Node.builder("participants").children(Node.builder("to").attr("jid", B + ":1@s.whatsapp.net").build()).build(),
                skmsg()).build());
        assertThat(tagged(h.a1, "ack").getLast().attrs().string("error")).isEqualTo("400");
        assertThat(tagged(h.b1, "message")).isEmpty();
    }

    @Test
    void anAnnouncementGroupTakesMessagesFromAdminsOnly() {
        h.query(h.a1, group, "set", Node.of("announcement"));
        h.b1.send(groupMessage("AN1", C_JID, false));
        assertThat(tagged(h.b1, "ack").getLast().attrs().string("error")).isEqualTo("401");
        assertThat(tagged(h.c1, "message")).isEmpty();
        h.query(h.a1, group, "set", change("promote", B_JID));
        h.b1.send(groupMessage("AN2", C_JID, false));
        assertThat(tagged(h.b1, "ack").getLast().attrs().has("error")).isFalse();
        assertThat(tagged(h.c1, "message")).extracting(m -> m.attrs().string("id")).containsExactly("AN2");
    }

    @Test
    void aRemovedMemberGetsNothingMoreAndAnOfflineOneGetsItsQueue() {
        h.query(h.a1, group, "set", change("remove", C_JID));
        h.b1.connection.close();
        h.a1.send(groupMessage("Q1", B + ":1@s.whatsapp.net", true));
        assertThat(tagged(h.c1, "message")).isEmpty();
        assertThat(h.m.harness.messaging.delivery().queued(h.b.jid().withDevice(1))).isEqualTo(1);

        TestClient back = h.m.relogin(h.b, 1, h.b1);
        List<Node> messages = tagged(back, "message");
        assertThat(messages).extracting(m -> m.attrs().string("id")).containsExactly("Q1");
        assertThat(messages.getFirst().attrs().string("from")).isEqualTo(group);
    }

    @Test
    void groupReceiptsReachTheSendersDevicesWithTheReceiverAsParticipant() {
        h.a1.send(groupMessage("R1", B + ":1@s.whatsapp.net", true));
        h.b1.send(Node.builder("receipt").attr("id", "R1").attr("to", group).attr("participant", A + ":1@s.whatsapp.net").build());
        Node ack = tagged(h.b1, "ack").getLast();
        assertThat(ack.attrs().string("class")).isEqualTo("receipt");
        assertThat(ack.attrs().has("error")).isFalse();
        for (TestClient device : List.of(h.a1, a2)) {
            Node receipt = tagged(device, "receipt").getLast();
            assertThat(receipt.attrs().string("from")).isEqualTo(group);
            assertThat(receipt.attrs().string("participant")).isEqualTo(B + ":1@s.whatsapp.net");
            assertThat(receipt.attrs().has("type")).isFalse();
        }
        h.c1.send(Node.builder("receipt").attr("id", "R1").attr("to", group).attr("participant", A + ":1@s.whatsapp.net")
                .attr("type", "read").build());
        assertThat(tagged(h.a1, "receipt").getLast().attrs().string("type")).isEqualTo("read");
        assertThat(tagged(h.a1, "receipt").getLast().attrs().string("participant")).isEqualTo(C + ":1@s.whatsapp.net");

        h.b1.send(Node.builder("receipt").attr("id", "R1").attr("to", group).build());
        assertThat(tagged(h.b1, "ack").getLast().attrs().string("error")).isEqualTo("400");
        h.b1.send(Node.builder("receipt").attr("id", "R1").attr("to", "120363000000000004@g.us")
                .attr("participant", A + ":1@s.whatsapp.net").build());
        assertThat(tagged(h.b1, "ack").getLast().attrs().string("error")).isEqualTo("400");
        assertThat(tagged(h.a1, "receipt")).hasSize(2);
    }

    private Node groupMessage(String id, String distributionTo, boolean withIdentity) {
        List<Node> children = new java.util.ArrayList<>();
        children.add(Node.builder("participants").children(to(distributionTo, "pkmsg", 1)).build());
        children.add(skmsg());
        if (withIdentity) {
            children.add(Node.builder("device-identity").bytes(filled(8, 7)).build());
        }
        return Node.builder("message").attr("id", id).attr("to", group).attr("type", "text").children(children).build();
    }

    private static Node skmsg() {
        return Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(MessagingHarness.filled(20, 9)).build();
    }
}
