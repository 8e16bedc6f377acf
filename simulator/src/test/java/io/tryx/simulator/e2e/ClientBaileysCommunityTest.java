package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.client.groups.MembershipRequest;
import io.tryx.protocol.client.groups.ParticipantResult;
import io.tryx.protocol.client.messaging.GroupEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.interop.BaileysPeers;
import io.tryx.simulator.interop.NodeScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop with an unmodified Baileys 7 client through the simulator: Baileys asks to join our group whose admins
 * approve joins, our client sees the request and approves it, and Baileys then is a member that reads our group
 * text; Baileys reads a community our client created (parent flag, its announcement and linked groups, the linked
 * group's parent) with the same facts our client has.
 */
class ClientBaileysCommunityTest {

    static final String OURS = "15550008771";
    static final String FIRST = "15550008772";
    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private final Jid firstUser = Jid.parse(FIRST + "@s.whatsapp.net");

    @BeforeEach
    void start() throws Exception {
        NodeScript.home();
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : new String[] {OURS, FIRST}) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void baileysAsksToJoinOurApprovalGroupAndIsAMemberOnceWeApprove(@TempDir Path auth) throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        try (NodeScript first = BaileysPeers.linkedTo(simulator, admin, FIRST, auth)) {
            var groups = ours.client().groups();
            Jid group = groups.create("Members only", List.of()).get(20, TimeUnit.SECONDS).jid();
            groups.setting(group, new GroupSetting.JoinApproval(true)).get(20, TimeUnit.SECONDS);
            String code = groups.inviteCode(group).get(20, TimeUnit.SECONDS);

            long started = System.nanoTime();
            JsonNode joined = group(first, "groupAcceptInvite", code);
            assertThat(joined.isNull()).as("Baileys only asked: the server names no joined group, got %s", joined).isTrue();
            await("Baileys' request at our client").atMost(WITHIN).until(() -> ours.events(GroupEvent.MembershipRequested.class)
                    .stream().anyMatch(r -> r.group().equals(group) && r.requesters().contains(firstUser)));
            System.out.printf("Baileys' join request at our client in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(groups.membershipRequests(group).get(20, TimeUnit.SECONDS)).extracting(MembershipRequest::requester)
                    .containsExactly(firstUser);
            assertThat(groups.metadata(group).get(20, TimeUnit.SECONDS).participant(firstUser)).isEmpty();

            List<ParticipantResult> approved = groups.approveMembershipRequests(group, List.of(firstUser)).get(20, TimeUnit.SECONDS);
            assertThat(approved).containsExactly(new ParticipantResult(firstUser, 0));
            await("Baileys hears it was added\n" + first).atMost(WITHIN).until(() -> first.events().stream().anyMatch(e ->
                    e.path("event").asText().equals("group-participants") && e.path("id").asText().equals(group.toString())
                            && e.path("action").asText().equals("add")
                            && e.path("participants").toString().contains(FIRST)));
            JsonNode meta = group(first, "groupMetadata", group.toString());
            assertThat(meta.path("joinApprovalMode").asBoolean()).isTrue();
            assertThat(meta.path("participants").findValuesAsText("id")).contains(FIRST + "@s.whatsapp.net");

            ours.client().sendText(group, "welcome, baileys").get(20, TimeUnit.SECONDS);
            JsonNode text = awaitText(first, "welcome, baileys");
            assertThat(text.path("from").asText()).isEqualTo(group.toString());
            assertThat(first.count("error")).as("%s", first).isZero();
        }
    }

    @Test
    void baileysReadsACommunityOurClientCreatedWithTheSameFacts(@TempDir Path auth) throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        try (NodeScript first = BaileysPeers.linkedTo(simulator, admin, FIRST, auth)) {
            var communities = ours.client().community();
            GroupInfo community = communities.create("Town", List.of(firstUser)).get(20, TimeUnit.SECONDS);
            Jid parent = community.jid();
            Jid square = ours.client().groups().create("Square", List.of(firstUser)).get(20, TimeUnit.SECONDS).jid();
            communities.link(parent, square).get(20, TimeUnit.SECONDS);
            List<LinkedGroup> ourView = communities.subGroups(parent).get(20, TimeUnit.SECONDS);
            Jid announcements = ourView.stream().filter(LinkedGroup::defaultSubGroup).findFirst().orElseThrow().jid();

            JsonNode meta = group(first, "groupMetadata", parent.toString());
            assertThat(meta.path("isCommunity").asBoolean()).isTrue();
            assertThat(meta.path("subject").asText()).isEqualTo("Town");
            JsonNode linked = group(first, "communityFetchLinkedGroups", parent.toString());
            assertThat(linked.path("isCommunity").asBoolean()).isTrue();
            List<String> baileysView = new ArrayList<>(linked.path("linkedGroups").findValuesAsText("id"));
            assertThat(baileysView).containsExactlyInAnyOrderElementsOf(ourView.stream().map(g -> g.jid().toString()).toList());
            assertThat(linked.path("linkedGroups").findValuesAsText("subject")).contains("Square", "Town");
            JsonNode squareMeta = group(first, "groupMetadata", square.toString());
            assertThat(squareMeta.path("linkedParent").asText()).isEqualTo(parent.toString());
            JsonNode announcementMeta = group(first, "groupMetadata", announcements.toString());
            assertThat(announcementMeta.path("isCommunityAnnounce").asBoolean()).isTrue();
            assertThat(announcementMeta.path("announce").asBoolean()).isTrue();
            assertThat(first.count("error")).as("%s", first).isZero();
        }
    }

    /** Calls Baileys' {@code sock[op](...args)} through the driver's {@code group} command; fails on an error. */
    private static JsonNode group(NodeScript client, String op, Object... args) throws Exception {
        String ref = op + "-" + System.nanoTime();
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("cmd", "group");
        cmd.put("op", op);
        cmd.put("args", Arrays.asList(args));
        cmd.put("ref", ref);
        client.send(JSON.writeValueAsString(cmd));
        Predicate<JsonNode> answer = e -> ref.equals(e.path("ref").asText())
                && (e.path("event").asText().equals("group-result") || e.path("event").asText().equals("group-error"));
        await(op + "\n" + client).atMost(WITHIN).until(() -> client.events().stream().anyMatch(answer));
        JsonNode event = client.events().stream().filter(answer).findFirst().orElseThrow();
        assertThat(event.path("event").asText()).as("%s", event).isEqualTo("group-result");
        return event.path("result");
    }
}
