package io.tryx.bridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.NewsletterInfo;
import io.tryx.commands.v1.NewsletterList;
import io.tryx.commands.v1.NewsletterPostInfo;
import io.tryx.commands.v1.newsletter.CreateNewsletter;
import io.tryx.commands.v1.newsletter.FollowNewsletter;
import io.tryx.commands.v1.newsletter.GetNewsletterMetadata;
import io.tryx.commands.v1.newsletter.GetSubscribedNewsletters;
import io.tryx.commands.v1.newsletter.MuteNewsletter;
import io.tryx.commands.v1.newsletter.PostToNewsletter;
import io.tryx.commands.v1.newsletter.ReactToNewsletterPost;
import io.tryx.commands.v1.newsletter.UnfollowNewsletter;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code newsletter} commands between two accounts of one bridge, checked at the simulator: one account creates a
 * newsletter and posts, the other finds it by invite code, follows it, gets the post as a message event with its
 * server id, reacts, mutes and unfollows; refusals come back typed.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeNewsletterTest {

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;
    private SocialAdmin admin;

    BridgeNewsletterTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
        admin = new SocialAdmin(simulator.adminUrl());
    }

    @AfterAll
    void stop() {
        admin.close();
        fixture.close();
        simulator.close();
    }

    @Test
    void aNewsletterIsCreatedFollowedPostedToReactedToMutedAndLeft() {
        String ann = fixture.linkByQr("15550002311");
        String bob = fixture.linkByQr("15550002312");

        NewsletterInfo created = (NewsletterInfo) succeeded(fixture.send(ann, CreateNewsletter.newBuilder()
                .setName("Tryx news").setDescription("Releases and notes").build())).getPayload().orElseThrow();
        String jid = created.getJid();
        assertThat(jid).endsWith("@newsletter");
        assertThat(created.getName()).isEqualTo("Tryx news");
        assertThat(created.getRole()).contains("OWNER");
        String invite = created.getInviteCode().orElseThrow();

        NewsletterInfo found = (NewsletterInfo) succeeded(fixture.send(bob, GetNewsletterMetadata.newBuilder()
                .setInviteCode("https://whatsapp.com/channel/" + invite).build())).getPayload().orElseThrow();
        assertThat(found.getJid()).isEqualTo(jid);
        assertThat(found.getDescription()).contains("Releases and notes");
        succeeded(fixture.send(bob, FollowNewsletter.newBuilder().setNewsletter(jid).build()));
        assertThat(admin.get("newsletters/" + jid).path("followers")).extracting(f -> f.path("phone").asText())
                .contains("15550002312");

        CommandSucceeded posted = succeeded(fixture.send(ann, PostToNewsletter.newBuilder().setNewsletter(jid)
                .setText("v1.0 is out").build()));
        long serverId = ((NewsletterPostInfo) posted.getPayload().orElseThrow()).getServerId();
        assertThat(serverId).isPositive();
        assertThat(posted.getMessageId()).isPresent();

        GenericRecord post = fixture.messages.await(r -> r.key().equals(bob + "|" + jid), WITHIN).value();
        assertThat(((GenericRecord) post.get("content")).get("text")).hasToString("v1.0 is out");
        assertThat(post.get("newsletterServerId")).isEqualTo(serverId);
        assertThat(((GenericRecord) post.get("key")).get("id")).hasToString(posted.getMessageId().orElseThrow());

        succeeded(fixture.send(bob, ReactToNewsletterPost.newBuilder().setNewsletter(jid).setServerId(serverId)
                .setEmoji("🎉").build()));
        await("the reaction counted at the server").atMost(WITHIN).until(() -> {
            JsonNode posts = admin.get("newsletters/" + jid + "/posts");
            return posts.size() == 1 && posts.get(0).path("reactions").path("🎉").asInt() == 1;
        });

        succeeded(fixture.send(bob, MuteNewsletter.newBuilder().setNewsletter(jid).setMuted(true).build()));
        NewsletterList subscribed = (NewsletterList) succeeded(fixture.send(bob, GetSubscribedNewsletters.newBuilder()
                .build())).getPayload().orElseThrow();
        assertThat(subscribed.getNewsletters()).singleElement().satisfies(n -> {
            assertThat(n.getJid()).isEqualTo(jid);
            assertThat(n.getMuted()).contains(true);
        });

        CommandFailed notOwner = failed(fixture.send(bob, PostToNewsletter.newBuilder().setNewsletter(jid)
                .setText("not mine").build()));
        assertThat(notOwner.getCode().name()).isEqualTo("SERVER_ERROR");
        assertThat(notOwner.getServerCode()).contains(403);

        succeeded(fixture.send(bob, UnfollowNewsletter.newBuilder().setNewsletter(jid).build()));
        assertThat(admin.get("newsletters/" + jid).path("followers")).isEmpty();
    }

    @Test
    void badNewsletterCommandsAreRefusedWithTypedErrors() {
        String carol = fixture.linkByQr("15550002313");

        assertThat(failed(fixture.send(carol, FollowNewsletter.newBuilder().setNewsletter("120363000000000001@g.us")
                .build())).getCode().name()).isEqualTo("INVALID_COMMAND");
        assertThat(failed(fixture.send(carol, GetNewsletterMetadata.newBuilder().build())).getCode().name())
                .isEqualTo("INVALID_COMMAND");
        assertThat(failed(fixture.send(carol, GetNewsletterMetadata.newBuilder()
                .setNewsletter("120363999999999999@newsletter").build())).getCode().name()).isEqualTo("NOT_FOUND");
        assertThat(failed(fixture.send(carol, ReactToNewsletterPost.newBuilder()
                .setNewsletter("120363999999999999@newsletter").setServerId(0).setEmoji("x").build())).getCode().name())
                .isEqualTo("INVALID_COMMAND");
    }

    private CommandSucceeded succeeded(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandSucceeded.class);
        return (CommandSucceeded) status;
    }

    private CommandFailed failed(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }
}
