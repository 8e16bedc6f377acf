package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.GroupMetadata;
import io.tryx.common.v1.GroupParticipant;
import io.tryx.common.v1.GroupSetting;
import io.tryx.common.v1.ParticipantAction;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.GroupInviteLink;
import io.tryx.commands.v1.MembershipRequests;
import io.tryx.commands.v1.community.CreateCommunity;
import io.tryx.commands.v1.community.LinkGroup;
import io.tryx.commands.v1.community.UnlinkGroup;
import io.tryx.commands.v1.groups.ApproveMembershipRequests;
import io.tryx.commands.v1.groups.GetMembershipRequests;
import io.tryx.commands.v1.groups.JoinGroupByInvite;
import io.tryx.commands.v1.groups.SetGroupSetting;
import io.tryx.commands.v1.ParticipantResults;
import io.tryx.commands.v1.groups.CreateGroup;
import io.tryx.commands.v1.groups.GetGroupMetadata;
import io.tryx.commands.v1.groups.GetInviteLink;
import io.tryx.commands.v1.groups.LeaveGroup;
import io.tryx.commands.v1.groups.SetGroupSubject;
import io.tryx.commands.v1.groups.UpdateParticipants;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups through the bridge, end to end against the test broker and registry and the in-process simulator: two
 * hosted accounts, group commands answered with the contract's payloads, the server's group notifications
 * published as GroupEvents on the groups topic, and group messages as MessageEvents of the group's chat.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeGroupsTest {

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;

    BridgeGroupsTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
    }

    @AfterAll
    void stop() {
        fixture.close();
        simulator.close();
    }

    @Test
    void aGroupCreatedByCommandIsAnnouncedTextedChangedAndLeftWithResultsAndGroupEvents() {
        String ann = fixture.linkByQr("15550003001");
        String bob = fixture.linkByQr("15550003002");
        String cy = fixture.admin.createAccount("15550003003", "Cy");

        GroupMetadata created = payload(fixture.send(ann, CreateGroup.newBuilder().setSubject("Lunch club")
                .setParticipants(List.of(bob, cy)).build()), GroupMetadata.class);
        String group = created.getJid();
        assertThat(group).endsWith("@g.us");
        assertThat(created.getSubject()).isEqualTo("Lunch club");
        assertThat(created.getParticipants()).extracting(p -> p.getJid() + " " + p.getRole())
                .containsExactlyInAnyOrder(ann + " SUPERADMIN", bob + " MEMBER", cy + " MEMBER");

        GenericRecord snapshot = groupEvent(bob, group, "GroupSnapshot");
        assertThat(snapshot.get("author")).hasToString(ann);
        GenericRecord announced = (GenericRecord) ((GenericRecord) snapshot.get("change")).get("metadata");
        assertThat(announced.get("subject")).hasToString("Lunch club");
        assertThat((List<?>) announced.get("participants")).hasSize(3);
        assertThat(snapshot.get("eventId").toString()).hasSize(32);

        String text = sent(fixture.send(ann, SendMessage.newBuilder().setChat(group)
                .setContent(TextContent.newBuilder().setText("pizza at noon?").build()).build()));
        GenericRecord atBob = fixture.messages.await(r -> r.key().equals(bob + "|" + group)
                && ((GenericRecord) r.value().get("key")).get("id").toString().equals(text), WITHIN).value();
        assertThat(atBob.get("chat")).hasToString(group);
        assertThat(((GenericRecord) atBob.get("key")).get("sender")).hasToString(ann);
        assertThat(((GenericRecord) atBob.get("content")).get("text")).hasToString("pizza at noon?");

        ParticipantResults promoted = payload(fixture.send(ann, UpdateParticipants.newBuilder().setGroup(group)
                .setAction(ParticipantAction.PROMOTE).setParticipants(List.of(bob)).build()), ParticipantResults.class);
        assertThat(promoted.getResults()).extracting(r -> r.getJid() + " " + r.getOk() + " " + r.getCode())
                .containsExactly(bob + " true 200");
        GenericRecord promotion = (GenericRecord) groupEvent(bob, group, "ParticipantsChanged").get("change");
        assertThat(promotion.get("action")).hasToString("PROMOTE");
        assertThat((List<?>) promotion.get("participants")).extracting(Object::toString).containsExactly(bob);

        ParticipantResults removed = payload(fixture.send(ann, UpdateParticipants.newBuilder().setGroup(group)
                .setAction(ParticipantAction.REMOVE).setParticipants(List.of(cy)).build()), ParticipantResults.class);
        assertThat(removed.getResults()).extracting(r -> r.getJid() + " " + r.getOk()).containsExactly(cy + " true");
        assertThat(participantsChanged(ann, group, "REMOVE").get("author")).hasToString(ann);

        assertThat(fixture.result(fixture.send(ann, SetGroupSubject.newBuilder().setGroup(group).setSubject("Pizza club")
                .build())).getStatus()).isInstanceOf(CommandSucceeded.class);
        GenericRecord renamed = (GenericRecord) groupEvent(bob, group, "SubjectChanged").get("change");
        assertThat(renamed.get("subject")).hasToString("Pizza club");
        GroupMetadata fetched = payload(fixture.send(bob, GetGroupMetadata.newBuilder().setGroup(group).build()),
                GroupMetadata.class);
        assertThat(fetched.getSubject()).isEqualTo("Pizza club");
        assertThat(fetched.getParticipants()).extracting(GroupParticipant::getJid).containsExactlyInAnyOrder(ann, bob);

        GroupInviteLink link = payload(fixture.send(ann, GetInviteLink.newBuilder().setGroup(group).build()),
                GroupInviteLink.class);
        assertThat(link.getGroup()).isEqualTo(group);
        assertThat(link.getCode()).isNotBlank();
        assertThat(link.getLink()).isEqualTo("https://chat.whatsapp.com/" + link.getCode());

        assertThat(fixture.result(fixture.send(bob, LeaveGroup.newBuilder().setGroup(group).build())).getStatus())
                .isInstanceOf(CommandSucceeded.class);
        GenericRecord left = participantsChanged(ann, group, "LEAVE");
        assertThat(left.get("author")).hasToString(bob);
        assertThat((List<?>) ((GenericRecord) left.get("change")).get("participants")).extracting(Object::toString)
                .containsExactly(bob);
    }

    @Test
    void communitiesAndMembershipRequestsByCommand() {
        String eve = fixture.linkByQr("15550003005");
        String fay = fixture.linkByQr("15550003006");
        String gil = fixture.linkByQr("15550003007");

        GroupMetadata community = payload(fixture.send(eve, CreateCommunity.newBuilder().setSubject("Block")
                .setParticipants(List.of(fay)).build()), GroupMetadata.class);
        assertThat(community.getCommunity()).isTrue();
        String corner = payload(fixture.send(eve, CreateGroup.newBuilder().setSubject("Corner")
                .setParticipants(List.of(fay)).build()), GroupMetadata.class).getJid();
        CommandFailed notAdmin = failure(fixture.send(fay, LinkGroup.newBuilder().setCommunity(community.getJid())
                .setGroup(corner).build()));
        assertThat(notAdmin.getServerCode()).contains(401);
        assertThat(fixture.result(fixture.send(eve, LinkGroup.newBuilder().setCommunity(community.getJid())
                .setGroup(corner).build())).getStatus()).isInstanceOf(CommandSucceeded.class);
        assertThat(payload(fixture.send(fay, GetGroupMetadata.newBuilder().setGroup(corner).build()), GroupMetadata.class)
                .getParentCommunity()).contains(community.getJid());
        assertThat(fixture.result(fixture.send(eve, UnlinkGroup.newBuilder().setCommunity(community.getJid())
                .setGroup(corner).build())).getStatus()).isInstanceOf(CommandSucceeded.class);
        assertThat(payload(fixture.send(eve, GetGroupMetadata.newBuilder().setGroup(corner).build()), GroupMetadata.class)
                .getParentCommunity()).isEmpty();

        assertThat(fixture.result(fixture.send(eve, SetGroupSetting.newBuilder().setGroup(corner)
                .setSetting(GroupSetting.JOIN_APPROVAL).setEnabled(true).build())).getStatus())
                .isInstanceOf(CommandSucceeded.class);
        GenericRecord approval = (GenericRecord) groupEvent(fay, corner, "SettingChanged").get("change");
        assertThat(approval.get("setting")).hasToString("JOIN_APPROVAL");
        String code = payload(fixture.send(eve, GetInviteLink.newBuilder().setGroup(corner).build()),
                GroupInviteLink.class).getCode();
        GroupMetadata asked = payload(fixture.send(gil, JoinGroupByInvite.newBuilder().setCode(code).build()),
                GroupMetadata.class);
        assertThat(asked.getSettingsOn()).contains(GroupSetting.JOIN_APPROVAL);
        assertThat(asked.getParticipants()).extracting(GroupParticipant::getJid).doesNotContain(gil);
        MembershipRequests requests = payload(fixture.send(eve, GetMembershipRequests.newBuilder().setGroup(corner)
                .build()), MembershipRequests.class);
        assertThat(requests.getRequests()).extracting(r -> r.getJid()).containsExactly(gil);
        ParticipantResults approved = payload(fixture.send(eve, ApproveMembershipRequests.newBuilder().setGroup(corner)
                .setParticipants(List.of(gil, fay)).build()), ParticipantResults.class);
        assertThat(approved.getResults()).extracting(r -> r.getJid() + " " + r.getCode())
                .containsExactly(gil + " 200", fay + " 404");
        GenericRecord added = (GenericRecord) participantsChanged(fay, corner, "ADD").get("change");
        assertThat((List<?>) added.get("participants")).extracting(Object::toString).containsExactly(gil);

        GenericRecord linked = (GenericRecord) groupEvent(fay, community.getJid(), "GroupLinked").get("change");
        assertThat(linked.get("group")).hasToString(corner);
        GenericRecord unlinked = (GenericRecord) groupEvent(fay, community.getJid(), "GroupUnlinked").get("change");
        assertThat(unlinked.get("group")).hasToString(corner);
        GenericRecord request = (GenericRecord) groupEvent(eve, corner, "MembershipRequested").get("change");
        assertThat((List<?>) request.get("requesters")).extracting(Object::toString).containsExactly(gil);
    }

    @Test
    void aGroupCommandForAnUnknownGroupFailsWithTheServersCode() {
        String dee = fixture.linkByQr("15550003004");

        CommandFailed unknown = failure(fixture.send(dee, GetGroupMetadata.newBuilder()
                .setGroup("120363000000000001@g.us").build()));
        CommandFailed notAGroup = failure(fixture.send(dee, SetGroupSubject.newBuilder().setGroup(dee).setSubject("x")
                .build()));

        assertThat(unknown.getCode().name()).isEqualTo("SERVER_ERROR");
        assertThat(unknown.getServerCode()).contains(404);
        assertThat(notAGroup.getCode().name()).isEqualTo("INVALID_COMMAND");
    }

    private GenericRecord groupEvent(String account, String group, String change) {
        return fixture.groups.await(r -> r.key().equals(account + "|" + group)
                && ((GenericRecord) r.value().get("change")).getSchema().getName().equals(change), WITHIN).value();
    }

    private GenericRecord participantsChanged(String account, String group, String action) {
        ConsumerRecord<String, GenericRecord> event = fixture.groups.await(r -> r.key().equals(account + "|" + group)
                && r.value().get("change") instanceof GenericRecord change
                && change.getSchema().getName().equals("ParticipantsChanged")
                && change.get("action").toString().equals(action), WITHIN);
        return event.value();
    }

    private <T> T payload(String commandId, Class<T> type) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).isInstanceOf(CommandSucceeded.class);
        Object payload = ((CommandSucceeded) status).getPayload().orElseThrow();
        assertThat(payload).isInstanceOf(type);
        return type.cast(payload);
    }

    private String sent(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).isInstanceOf(CommandSucceeded.class);
        return ((CommandSucceeded) status).getMessageId().orElseThrow();
    }

    private CommandFailed failure(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }
}
