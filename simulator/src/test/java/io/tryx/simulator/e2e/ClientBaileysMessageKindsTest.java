package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.PollVotes;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.protocol.store.MessageRef;
import io.tryx.simulator.interop.BaileysPeers;
import io.tryx.simulator.interop.NodeScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop: reply, mention, reaction, edit, revoke, location, poll and vote between our client and an unmodified
 * Baileys 7, both directions, each checked as the other side decoded it (votes: Baileys' own decryptPollVote opens
 * ours; the driver seals Baileys' votes with Baileys' primitives, which our client opens).
 */
class ClientBaileysMessageKindsTest {

    static final String OURS = "15550007201";
    static final String BAILEYS = "15550007202";
    static final Duration WITHIN = Duration.ofSeconds(30);

    private BaileysPeers peers;
    private ClientHarness clients;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers();
        clients = new ClientHarness(peers.simulator().chatUrl(), peers.simulator().rootPublicKey());
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void ourMessageKindsDecodeInBaileys(@TempDir Path auth) throws Exception {
        NodeScript baileys = peers.account(BAILEYS, auth);
        assertThat(peers.admin().post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        Linked ours = Linked.link(clients, peers.admin(), OURS, new InMemoryAccountStore("ours"));
        Jid them = Jid.parse(BAILEYS + "@s.whatsapp.net");
        var messaging = ours.client().messaging();

        SendResult original = ours.client().sendText(them, "original text").get(20, TimeUnit.SECONDS);
        awaitText(baileys, "original text");

        E2EProto.Message reply = E2EProto.Message.newBuilder().setExtendedTextMessage(E2EProto.Message.ExtendedTextMessage.newBuilder()
                .setText("a reply mentioning @" + BAILEYS).setContextInfo(E2EProto.ContextInfo.newBuilder()
                        .setStanzaId(original.id()).setParticipant(OURS + "@s.whatsapp.net")
                        .setQuotedMessage(E2EProto.Message.newBuilder().setConversation("original text"))
                        .addMentionedJid(them.toString()))).build();
        SendResult replied = messaging.send(them, reply).get(20, TimeUnit.SECONDS);
        JsonNode atBaileys = raw(baileys, replied.id(), m -> m.has("extendedTextMessage"));
        JsonNode context = atBaileys.path("extendedTextMessage").path("contextInfo");
        assertThat(context.path("stanzaId").asText()).isEqualTo(original.id());
        assertThat(context.path("quotedMessage").path("conversation").asText()).isEqualTo("original text");
        assertThat(context.path("mentionedJid")).extracting(JsonNode::asText).containsExactly(them.toString());

        SendResult reacted = messaging.react(them, null, original.id(), "👍").get(20, TimeUnit.SECONDS);
        JsonNode reaction = raw(baileys, reacted.id(), m -> m.has("reactionMessage")).path("reactionMessage");
        assertThat(reaction.path("text").asText()).isEqualTo("👍");
        assertThat(reaction.path("key").path("id").asText()).isEqualTo(original.id());

        SendResult edited = messaging.editText(them, original.id(), "edited text").get(20, TimeUnit.SECONDS);
        JsonNode edit = raw(baileys, edited.id(), m -> m.has("editedMessage") || m.has("protocolMessage"));
        JsonNode editProtocol = edit.has("editedMessage") ? edit.path("editedMessage").path("message").path("protocolMessage")
                : edit.path("protocolMessage");
        assertThat(editProtocol.path("type").asText()).isEqualTo("MESSAGE_EDIT");
        assertThat(editProtocol.path("key").path("id").asText()).isEqualTo(original.id());
        assertThat(editProtocol.path("editedMessage").path("conversation").asText()).isEqualTo("edited text");

        SendResult location = messaging.send(them, E2EProto.Message.newBuilder().setLocationMessage(
                E2EProto.Message.LocationMessage.newBuilder().setDegreesLatitude(48.8584).setDegreesLongitude(2.2945)
                        .setName("Tour Eiffel")).build()).get(20, TimeUnit.SECONDS);
        JsonNode place = raw(baileys, location.id(), m -> m.has("locationMessage")).path("locationMessage");
        assertThat(place.path("degreesLatitude").asDouble()).isEqualTo(48.8584);
        assertThat(place.path("name").asText()).isEqualTo("Tour Eiffel");

        SendResult poll = ours.client().polls().create(them, "Tea or coffee?", List.of("Tea", "Coffee"), 1).get(20, TimeUnit.SECONDS);
        JsonNode pollAtBaileys = raw(baileys, poll.id(), m -> m.has("pollCreationMessageV3")).path("pollCreationMessageV3");
        assertThat(pollAtBaileys.path("name").asText()).isEqualTo("Tea or coffee?");
        assertThat(pollAtBaileys.path("options")).extracting(o -> o.path("optionName").asText()).containsExactly("Tea", "Coffee");

        long sentBefore = baileys.count("sent");
        command(baileys, Map.of("cmd", "vote", "to", OURS + "@s.whatsapp.net", "pollId", poll.id(), "options", List.of("Coffee")));
        await("Baileys voted\n" + baileys).atMost(WITHIN).until(() -> baileys.count("sent") > sentBefore);
        await("Baileys' vote decrypted by our client").atMost(WITHIN).until(() -> ours.events(MessageEvent.PollVoteReceived.class)
                .stream().anyMatch(v -> v.poll().id().equals(poll.id()) && v.selectedOptions().equals(List.of("Coffee"))));

        SendResult revoked = messaging.revoke(them, null, original.id()).get(20, TimeUnit.SECONDS);
        JsonNode revoke = raw(baileys, revoked.id(), m -> m.has("protocolMessage")).path("protocolMessage");
        assertThat(revoke.path("type").asText()).isEqualTo("REVOKE");
        assertThat(revoke.path("key").path("id").asText()).isEqualTo(original.id());
        assertThat(baileys.count("error")).as("%s", baileys).isZero();
    }

    @Test
    void baileysMessageKindsDecodeInOurClientAndWeVoteOnItsPoll(@TempDir Path auth) throws Exception {
        NodeScript baileys = peers.account(BAILEYS, auth);
        assertThat(peers.admin().post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        Linked ours = Linked.link(clients, peers.admin(), OURS, new InMemoryAccountStore("ours"));
        Jid them = Jid.parse(BAILEYS + "@s.whatsapp.net");
        String us = OURS + "@s.whatsapp.net";

        String originalId = BaileysPeers.send(baileys, us, "from baileys");
        await().atMost(WITHIN).until(() -> ours.texts().contains("from baileys"));
        Map<String, Object> ownKey = Map.of("remoteJid", us, "fromMe", true, "id", originalId);
        Map<String, Object> quoted = Map.of("key", ownKey, "message", Map.of("conversation", "from baileys"));

        String replyId = sendContent(baileys, us, Map.of("text", "reply to @" + OURS, "mentions", List.of(us)),
                Map.of("quoted", quoted));
        E2EProto.ContextInfo context = received(ours, replyId).getExtendedTextMessage().getContextInfo();
        assertThat(context.getStanzaId()).isEqualTo(originalId);
        assertThat(context.getQuotedMessage().getConversation()).isEqualTo("from baileys");
        assertThat(context.getMentionedJidList()).containsExactly(us);

        String reactionId = sendContent(baileys, us, Map.of("react", Map.of("text", "🎉", "key", ownKey)), Map.of());
        E2EProto.Message reaction = received(ours, reactionId);
        assertThat(reaction.getReactionMessage().getText()).isEqualTo("🎉");
        assertThat(reaction.getReactionMessage().getKey().getId()).isEqualTo(originalId);

        String editId = sendContent(baileys, us, Map.of("text", "from baileys, edited", "edit", ownKey), Map.of());
        var edit = received(ours, editId).getProtocolMessage();
        assertThat(edit.getType()).isEqualTo(E2EProto.Message.ProtocolMessage.Type.MESSAGE_EDIT);
        assertThat(edit.getKey().getId()).isEqualTo(originalId);
        E2EProto.Message newContent = edit.getEditedMessage();
        assertThat(newContent.hasExtendedTextMessage() ? newContent.getExtendedTextMessage().getText() : newContent.getConversation())
                .isEqualTo("from baileys, edited");

        String locationId = sendContent(baileys, us, Map.of("location", Map.of("degreesLatitude", -22.9519,
                "degreesLongitude", -43.2105)), Map.of());
        assertThat(received(ours, locationId).getLocationMessage().getDegreesLatitude()).isEqualTo(-22.9519);

        String pollId = sendContent(baileys, us, Map.of("poll", Map.of("name", "Beach?", "values", List.of("Yes", "No"),
                "selectableCount", 1)), Map.of());
        E2EProto.Message poll = received(ours, pollId);
        assertThat(PollVotes.pollOf(poll).orElseThrow().getOptionsList()).extracting(o -> o.getOptionName())
                .containsExactly("Yes", "No");
        SendResult vote = ours.client().polls().vote(new MessageRef(them, them, pollId), List.of("Yes"))
                .get(20, TimeUnit.SECONDS);
        Predicate<JsonNode> opened = e -> e.path("event").asText().equals("poll-vote") && e.path("id").asText().equals(vote.id());
        await("our vote opened by Baileys' decryptPollVote\n" + baileys).atMost(WITHIN)
                .until(() -> baileys.events().stream().anyMatch(opened));
        JsonNode openedVote = baileys.events().stream().filter(opened).findFirst().orElseThrow();
        assertThat(openedVote.path("pollId").asText()).isEqualTo(pollId);
        assertThat(openedVote.path("options")).extracting(JsonNode::asText).containsExactly("Yes");

        String revokeId = sendContent(baileys, us, Map.of("delete", ownKey), Map.of());
        var revoke = received(ours, revokeId).getProtocolMessage();
        assertThat(revoke.getType()).isEqualTo(E2EProto.Message.ProtocolMessage.Type.REVOKE);
        assertThat(revoke.getKey().getId()).isEqualTo(originalId);
        assertThat(ours.undecryptable()).isEmpty();
        assertThat(baileys.count("error")).as("%s", baileys).isZero();
    }

    private static String sendContent(NodeScript baileys, String to, Map<String, ?> content, Map<String, ?> options) {
        long before = baileys.count("sent");
        command(baileys, Map.of("cmd", "send-content", "to", to, "content", content, "options", options));
        await("sent " + content + "\n" + baileys).atMost(WITHIN).until(() -> baileys.count("sent") > before
                || baileys.count("error") > 0);
        assertThat(baileys.count("error")).as("%s", baileys).isZero();
        return baileys.last("sent").orElseThrow().path("id").asText();
    }

    private static E2EProto.Message received(Linked ours, String id) {
        await("message " + id).atMost(WITHIN).until(() -> ours.received().stream().anyMatch(m -> m.info().id().equals(id)));
        return ours.received().stream().filter(m -> m.info().id().equals(id)).findFirst()
                .map(MessageEvent.MessageReceived::message).orElseThrow();
    }

    private static JsonNode raw(NodeScript baileys, String id, Predicate<JsonNode> kind) {
        Predicate<JsonNode> match = e -> e.path("event").asText().equals("raw-message") && e.path("id").asText().equals(id)
                && kind.test(e.path("message"));
        await("raw message " + id + "\n" + baileys).atMost(WITHIN).until(() -> baileys.events().stream().anyMatch(match));
        return baileys.events().stream().filter(match).findFirst().orElseThrow().path("message");
    }
}
