package io.tryx.protocol.client.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.IqException;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code w:g2} IQs {@link Groups} sends and how it reads the answers (the simulator e2e test runs them for real). */
class GroupsTest {

    private static final Jid ME = Jid.parse("15550001111@s.whatsapp.net");
    private static final Jid BOB = Jid.parse("15550002222@s.whatsapp.net");
    private static final Jid NOBODY = Jid.parse("15559999999@s.whatsapp.net");
    private static final Jid GROUP = Jid.parse("120363000000000001@g.us");

    private final List<Node> asked = new CopyOnWriteArrayList<>();
    private volatile Function<Node, Node> server = iq -> result(iq);
    private final StanzaChannel channel = new StanzaChannel() {
        @Override
        public CompletableFuture<Void> send(Node node) {
            throw new AssertionError("groups only query");
        }

        @Override
        public CompletableFuture<Node> query(Node iq) {
            asked.add(iq);
            try {
                return CompletableFuture.completedFuture(server.apply(iq));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public String nextIqId() {
            return "g" + asked.size();
        }

        @Override
        public void pauseReading(boolean paused) {
            throw new AssertionError("groups read nothing");
        }
    };
    private final GroupDirectory directory = new GroupDirectory(channel);
    private final Groups groups;

    GroupsTest() {
        InMemoryAccountStore store = new InMemoryAccountStore("g");
        SecureRandom random = new SecureRandom();
        store.save(DeviceCredentials.generate(random, 0).paired(ME.withDevice(3), null, new byte[] {1}));
        groups = new Groups(channel, directory, store, Clock.systemUTC(), random);
    }

    @Test
    void createSendsTheSubjectAndParticipantsAndLeavesOutTheFailedOnes() throws Exception {
        server = iq -> result(iq, group("Team", "", List.of(ME, BOB),
                Node.builder("participant").attr("jid", NOBODY).attr("error", "404").build()));
        GroupInfo created = groups.create("Team", List.of(BOB, NOBODY)).get(5, TimeUnit.SECONDS);

        Node iq = asked.getFirst();
        assertThat(iq.attrs().string("xmlns")).isEqualTo("w:g2");
        assertThat(iq.attrs().string("type")).isEqualTo("set");
        assertThat(iq.attrs().string("to")).isEqualTo("g.us");
        Node create = iq.child("create").orElseThrow();
        assertThat(create.attrs().string("subject")).isEqualTo("Team");
        assertThat(create.attrs().string("key")).startsWith("3EB0");
        assertThat(create.children("participant")).extracting(p -> p.attrs().string("jid"))
                .containsExactly(BOB.toString(), NOBODY.toString());
        assertThat(created.jid()).isEqualTo(GROUP);
        assertThat(created.participants()).extracting(GroupParticipant::jid).containsExactly(ME, BOB);
        assertThat(created.participant(ME).orElseThrow().role()).isEqualTo(GroupRole.SUPERADMIN);
        assertThat(directory.cached(GROUP)).contains(created);
    }

    @Test
    void participantChangesAnswerPerParticipantAndDropTheCachedMetadata() throws Exception {
        directory.remember(GroupNodes.parseGroup(group("Team", "", List.of(ME, BOB))));
        server = iq -> result(iq, Node.builder("remove").children(
                Node.builder("participant").attr("jid", BOB).build(),
                Node.builder("participant").attr("jid", NOBODY).attr("error", "404").build()).build());
        List<ParticipantResult> results = groups.removeParticipants(GROUP, List.of(BOB, NOBODY)).get(5, TimeUnit.SECONDS);

        assertThat(results).containsExactly(new ParticipantResult(BOB, 0), new ParticipantResult(NOBODY, 404));
        assertThat(results.getFirst().ok()).isTrue();
        Node iq = asked.getFirst();
        assertThat(iq.attrs().string("to")).isEqualTo(GROUP.toString());
        assertThat(iq.child("remove").orElseThrow().children("participant")).hasSize(2);
        assertThat(directory.cached(GROUP)).isEmpty();
        assertThatThrownBy(() -> groups.addParticipants(GROUP, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> groups.setSubject(BOB, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDescriptionNamesTheCurrentOneAsPreviousAndAnEmptyTextDeletes() throws Exception {
        server = iq -> iq.child("query").isPresent() ? result(iq, group("Team", "OLD", List.of(ME))) : result(iq);
        groups.setDescription(GROUP, "new text").get(5, TimeUnit.SECONDS);
        groups.setDescription(GROUP, "").get(5, TimeUnit.SECONDS);

        assertThat(asked).extracting(q -> q.children().getFirst().tag())
                .containsExactly("query", "description", "query", "description");
        Node set = asked.get(1).child("description").orElseThrow();
        assertThat(set.attrs().string("prev")).isEqualTo("OLD");
        assertThat(set.attrs().string("id")).startsWith("3EB0");
        assertThat(new String(set.child("body").orElseThrow().contentBytes().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("new text");
        Node delete = asked.get(3).child("description").orElseThrow();
        assertThat(delete.attrs().string("delete")).isEqualTo("true");
        assertThat(delete.child("body")).isEmpty();
    }

    @Test
    void settingsTravelAsTheirElements() throws Exception {
        groups.setting(GROUP, new GroupSetting.Announce(true)).get(5, TimeUnit.SECONDS);
        groups.setting(GROUP, new GroupSetting.Locked(false)).get(5, TimeUnit.SECONDS);
        groups.setting(GROUP, new GroupSetting.Ephemeral(604800)).get(5, TimeUnit.SECONDS);
        groups.setting(GROUP, new GroupSetting.Ephemeral(0)).get(5, TimeUnit.SECONDS);
        assertThat(asked).extracting(q -> q.children().getFirst().tag())
                .containsExactly("announcement", "unlocked", "ephemeral", "not_ephemeral");
        assertThat(asked.get(2).child("ephemeral").orElseThrow().attrs().string("expiration")).isEqualTo("604800");
    }

    @Test
    void invitesAndLeavingReadTheirAnswersAndRefusalsCarryTheServersCode() throws Exception {
        server = iq -> {
            Node child = iq.children().getFirst();
            return switch (child.tag()) {
                case "invite" -> child.attrs().has("code")
                        ? result(iq, Node.builder("group").attr("jid", GROUP).build())
                        : result(iq, Node.builder("invite").attr("code", "CODE1").build());
                case "leave" -> result(iq, Node.builder("leave").children(
                        Node.builder("group").attr("id", GROUP).attr("error", "403").build()).build());
                default -> throw new IqException(401, "not-authorized", iq);
            };
        };
        assertThat(groups.inviteCode(GROUP).get(5, TimeUnit.SECONDS)).isEqualTo("CODE1");
        assertThat(asked.getLast().attrs().string("type")).isEqualTo("get");
        assertThat(groups.revokeInvite(GROUP).get(5, TimeUnit.SECONDS)).isEqualTo("CODE1");
        assertThat(asked.getLast().attrs().string("type")).isEqualTo("set");
        assertThat(groups.joinByInvite(Groups.INVITE_LINK_PREFIX + "CODE1").get(5, TimeUnit.SECONDS)).isEqualTo(GROUP);
        assertThat(asked.getLast().child("invite").orElseThrow().attrs().string("code")).isEqualTo("CODE1");
        assertThat(asked.getLast().attrs().string("to")).isEqualTo("g.us");

        assertThatThrownBy(() -> groups.leave(GROUP).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThatThrownBy(() -> groups.setSubject(GROUP, "x").get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(IqException.class, e -> assertThat(e.code()).isEqualTo(401));
        assertThat(new String(asked.getLast().child("subject").orElseThrow().contentBytes().orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo("x");
    }

    private static Node group(String subject, String descriptionId, List<Jid> members, Node... extra) {
        Node.Builder group = Node.builder("group").attr("id", GROUP.user()).attr("creator", ME)
                .attr("creation", 1_700_000_000L).attr("subject", subject).attr("s_t", 1_700_000_000L)
                .attr("addressing_mode", "pn");
        List<Node> children = new java.util.ArrayList<>();
        for (Jid member : members) {
            Node.Builder p = Node.builder("participant").attr("jid", member);
            if (member.equals(ME)) {
                p.attr("type", "superadmin");
            }
            children.add(p.build());
        }
        children.addAll(List.of(extra));
        if (!descriptionId.isEmpty()) {
            children.add(Node.builder("description").attr("id", descriptionId)
                    .children(Node.builder("body").bytes("old".getBytes(StandardCharsets.UTF_8)).build()).build());
        }
        return group.children(children).build();
    }

    private static Node result(Node iq, Node... children) {
        return Node.builder("iq").attr("id", iq.attrs().string("id")).attr("type", "result").children(children).build();
    }
}
