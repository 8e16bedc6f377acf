package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.newsletter.NewsletterEvent;
import io.tryx.protocol.client.newsletter.NewsletterMetadata;
import io.tryx.protocol.client.newsletter.NewsletterPost;
import io.tryx.protocol.client.newsletter.PostResult;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.command;
import static io.tryx.simulator.interop.BaileysPeers.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interop: an unmodified Baileys 7 client and ours on the same newsletters through the simulator. Baileys reads the
 * metadata of the newsletter our client created (by JID and by invite code, its GraphQL parsing), follows it,
 * receives our post as a plaintext message with its server id and reacts to it (counted in our fetch); the post
 * Baileys makes to a newsletter it owns reaches our client as a {@link NewsletterEvent.PostReceived}.
 */
class ClientBaileysNewsletterTest {

    static final String OURS = "15550009201";
    static final String BAILEYS = "15550009202";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;

    @BeforeEach
    void start() throws Exception {
        NodeScript.home();
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : new String[] {OURS, BAILEYS}) {
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
    void baileysReadsFollowsAndReceivesOurNewsletterAndWeReceiveBaileysPost(@TempDir Path auth) throws Exception {
        Linked ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
        List<NewsletterEvent> events = new CopyOnWriteArrayList<>();
        ours.client().addNewsletterListener(events::add);
        try (NodeScript baileys = BaileysPeers.linkedTo(simulator, admin, BAILEYS, auth)) {
            NewsletterMetadata created = ours.client().newsletter().create("Interop channel", "made by ours")
                    .get(20, TimeUnit.SECONDS);
            String jid = created.jid().toString();

            JsonNode byJid = call(baileys, "newsletterMetadata", "jid", jid);
            assertThat(byJid.path("id").asText()).isEqualTo(jid);
            assertThat(byJid.path("thread_metadata").path("name").path("text").asText()).isEqualTo("Interop channel");
            assertThat(byJid.path("thread_metadata").path("description").path("text").asText()).isEqualTo("made by ours");
            assertThat(byJid.path("viewer_metadata").path("role").asText()).isEqualTo("GUEST");
            JsonNode byInvite = call(baileys, "newsletterMetadata", "invite", created.inviteCode());
            assertThat(byInvite.path("id").asText()).isEqualTo(jid);

            call(baileys, "newsletterFollow", jid);
            assertThat(admin.get("/admin/newsletters/" + jid).body().path("followers").findValuesAsText("phone"))
                    .containsExactly(BAILEYS);
            assertThat(ours.client().newsletter().metadata(created.jid()).get(20, TimeUnit.SECONDS).subscribers()).isEqualTo(1);

            long started = System.nanoTime();
            PostResult posted = ours.client().newsletter().postText(created.jid(), "post for baileys").get(20, TimeUnit.SECONDS);
            JsonNode atBaileys = awaitText(baileys, "post for baileys");
            System.out.printf("our newsletter post at Baileys in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(atBaileys.path("from").asText()).isEqualTo(jid);
            assertThat(atBaileys.path("id").asText()).isEqualTo(posted.id());
            assertThat(atBaileys.path("key").path("server_id").asText()).isEqualTo(Long.toString(posted.serverId()));

            call(baileys, "newsletterReactMessage", jid, Long.toString(posted.serverId()), "❤️");
            List<NewsletterPost> fetched = ours.client().newsletter().fetchPosts(created.jid(), 5, 0).get(20, TimeUnit.SECONDS);
            assertThat(fetched).singleElement().satisfies(p -> assertThat(p.reactions()).isEqualTo(Map.of("❤️", 1)));

            var theirs = admin.post("/admin/newsletters", Map.of("owner", BAILEYS, "name", "Baileys channel"));
            assertThat(theirs.status()).as("%s", theirs.body()).isEqualTo(201);
            Jid theirJid = Jid.parse(theirs.body().path("jid").asText());
            ours.client().newsletter().follow(theirJid).get(20, TimeUnit.SECONDS);
            long sent = baileys.count("sent");
            command(baileys, Map.of("cmd", "send-content", "to", theirJid.toString(), "content", Map.of("text", "post from baileys")));
            within("Baileys posted\n" + baileys).until(() -> baileys.count("sent") > sent);
            within("Baileys' post at ours").until(() -> events.stream().anyMatch(e ->
                    e instanceof NewsletterEvent.PostReceived p && p.newsletter().equals(theirJid)
                            && p.text().equals("post from baileys") && p.serverId() > 0));
            assertThat(admin.get("/admin/newsletters/" + theirJid + "/posts").body().findValuesAsText("text"))
                    .containsExactly("post from baileys");
            assertThat(baileys.count("error")).as("%s", baileys).isZero();
        }
    }

    /** Calls {@code sock[op](...args)} in the Baileys client and returns its result, failing on an error. */
    private static JsonNode call(NodeScript client, String op, Object... args) {
        String ref = op + "-" + System.nanoTime();
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("cmd", "sock");
        cmd.put("op", op);
        cmd.put("args", Arrays.asList(args));
        cmd.put("ref", ref);
        command(client, cmd);
        Predicate<JsonNode> answer = e -> ref.equals(e.path("ref").asText())
                && (e.path("event").asText().equals("sock-result") || e.path("event").asText().equals("sock-error"));
        within(op + "\n" + client).until(() -> client.events().stream().anyMatch(answer));
        JsonNode event = client.events().stream().filter(answer).findFirst().orElseThrow();
        assertThat(event.path("event").asText()).as("%s\n%s", event, client).isEqualTo("sock-result");
        return event.path("result");
    }
}
