package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.ParticipantHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tryx.simulator.groups.GroupHarness.A;
import static io.tryx.simulator.groups.GroupHarness.B;
import static io.tryx.simulator.groups.GroupHarness.C;
import static io.tryx.simulator.messaging.MessagingHarness.filled;
import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.messaging.MessagingHarness.to;
import static org.assertj.core.api.Assertions.assertThat;

/** LID-addressed groups: metadata by LID with phone numbers, fan-out from LID devices, LID notifications. */
class LidGroupTest {

    private final GroupHarness h = new GroupHarness();
    private final Group group = lidGroup();

    private Group lidGroup() {
        Node create = Node.builder("create").attr("subject", "Lid team").children(GroupHarness.participantNodes(
                h.b.lid().toString(), C + "@s.whatsapp.net")).build();
        Node answer = h.m.harness.groups.creator().create(h.a, create, true);
        return h.m.harness.groups.registry().find(answer.attrs().string("id")).orElseThrow();
    }

    @Test
    void metadataListsParticipantsByLidWithTheirPhoneNumbers() {
        Node answer = h.query(h.b1, group.jid().toString(), "get", Node.builder("query").attr("request", "interactive").build());
        Node node = answer.child("group").orElseThrow();
        assertThat(node.attrs().string("addressing_mode")).isEqualTo("lid");
        assertThat(node.attrs().string("creator")).isEqualTo(h.a.lid().toString());
        assertThat(node.attrs().string("creator_pn")).isEqualTo(A + "@s.whatsapp.net");
        assertThat(node.attrs().string("s_o")).isEqualTo(h.a.lid().toString());
        assertThat(node.attrs().string("s_o_pn")).isEqualTo(A + "@s.whatsapp.net");
        List<Node> participants = node.children("participant");
        assertThat(participants).extracting(p -> p.attrs().string("jid"))
                .containsExactly(h.a.lid().toString(), h.b.lid().toString(), h.c.lid().toString());
        assertThat(participants).extracting(p -> p.attrs().string("phone_number"))
                .containsExactly(A + "@s.whatsapp.net", B + "@s.whatsapp.net", C + "@s.whatsapp.net");
        assertThat(participants.getFirst().attrs().string("type")).isEqualTo("superadmin");
        assertThat(participants.getFirst().attrs().has("lid")).isFalse();
        // the companions heard of the group with the same LID addressing
        Node created = GroupHarness.notifications(h.c1).getLast();
        assertThat(created.attrs().string("participant")).isEqualTo(h.a.lid().toString());
        assertThat(created.attrs().string("participant_pn")).isEqualTo(A + "@s.whatsapp.net");
        assertThat(created.attrs().string("addressing_mode")).isEqualTo("lid");
    }

    @Test
    void messagesComeFromTheSendersLidDeviceWithItsPhoneNumber() {
        List<Jid> devices = new ArrayList<>();
        for (var account : List.of(h.a, h.b, h.c)) {
            devices.add(account.lid());
            devices.add(account.lid().withDevice(1));
        }
        h.b1.send(Node.builder("message").attr("id", "L1").attr("to", group.jid().toString()).attr("type", "text")
                .attr("phash", ParticipantHash.of(devices))
                .children(Node.builder("participants").children(to(h.c.lid().withDevice(1).toString(), "pkmsg", 1)).build(),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(filled(20, 9)).build()).build());

        Node ack = tagged(h.b1, "ack").getLast();
        assertThat(ack.attrs().has("error")).isFalse();
        assertThat(ack.attrs().has("phash")).as("the LID devices hash as the server's view").isFalse();
        Node atC = tagged(h.c1, "message").getLast();
        assertThat(atC.attrs().string("participant")).isEqualTo(h.b.lid().withDevice(1).toString());
        assertThat(atC.attrs().string("participant_pn")).isEqualTo(B + ":1@s.whatsapp.net");
        assertThat(atC.attrs().string("addressing_mode")).isEqualTo("lid");
        assertThat(atC.children("enc")).extracting(e -> e.attrs().string("type")).containsExactly("pkmsg", "skmsg");
        assertThat(tagged(h.a1, "message").getLast().attrs().string("participant")).isEqualTo(h.b.lid().withDevice(1).toString());

        h.c1.send(Node.builder("receipt").attr("id", "L1").attr("to", group.jid().toString())
                .attr("participant", h.b.lid().withDevice(1).toString()).build());
        Node receipt = tagged(h.b1, "receipt").getLast();
        assertThat(receipt.attrs().string("participant")).isEqualTo(h.c.lid().withDevice(1).toString());
    }

    @Test
    void participantChangesAreAnnouncedByLid() {
        Node answer = h.query(h.a1, group.jid().toString(), "set", GroupHarness.change("remove", h.c.lid().toString()));
        GroupHarness.assertResult(answer);
        Node removed = GroupHarness.lastChange(h.b1);
        assertThat(removed.tag()).isEqualTo("remove");
        Node participant = removed.child("participant").orElseThrow();
        assertThat(participant.attrs().string("jid")).isEqualTo(h.c.lid().toString());
        assertThat(participant.attrs().string("phone_number")).isEqualTo(C + "@s.whatsapp.net");
    }

    @Test
    void aPhoneNumberGroupKeepsPhoneNumberAddressing() {
        String pn = h.create(h.a1, "Pn team", GroupHarness.B_JID);
        Node node = h.query(h.b1, pn, "get", Node.builder("query").attr("request", "interactive").build()).child("group").orElseThrow();
        assertThat(node.attrs().string("addressing_mode")).isEqualTo("pn");
        assertThat(node.children("participant").getFirst().attrs().string("jid")).isEqualTo(A + "@s.whatsapp.net");
    }
}
