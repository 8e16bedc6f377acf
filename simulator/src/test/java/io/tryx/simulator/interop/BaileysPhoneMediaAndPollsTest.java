package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.simulator.AdminClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.tryx.simulator.interop.BaileysPeers.command;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock phone's media and polls against an unmodified Baileys 7 client: Baileys downloads and decrypts the
 * phone's image and document (MAC and hashes checked by Baileys) to the phone's plaintext; the phone downloads
 * and decrypts Baileys' image; Baileys receives the phone's poll with its options and secret, the phone opens
 * Baileys' vote on it, and Baileys' own {@code decryptPollVote} opens the phone's vote on a Baileys poll.
 */
class BaileysPhoneMediaAndPollsTest {

    static final String PHONE = "15550005551";
    static final String BAILEYS = "15550005552";
    static final String PHONE_JID = PHONE + "@s.whatsapp.net";
    static final String BAILEYS_JID = BAILEYS + "@s.whatsapp.net";

    private BaileysPeers peers;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers();
        admin = peers.admin;
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Phone")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void mediaTravelBothWaysAndDecryptToTheSendersBytes(@TempDir Path auth) throws Exception {
        try (NodeScript b = peers.account(BAILEYS, auth)) {
            byte[] image = new byte[40_000];
            new SplittableRandom(11).nextBytes(image);
            var sentImage = phoneSends(Map.of("to", BAILEYS_JID, "type", "image", "data", Base64.getEncoder().encodeToString(image),
                    "mimetype", "image/jpeg", "caption", "from the phone"));
            assertThat(sentImage.path("sha256").asText()).isEqualTo(sha256(image));
            var sentDocument = phoneSends(Map.of("to", BAILEYS_JID, "type", "document", "size", 300_000, "seed", 5,
                    "mimetype", "application/pdf", "fileName", "report.pdf"));

            JsonNode picture = media(b, sentImage.path("id").asText());
            assertThat(picture.path("kind").asText()).isEqualTo("image");
            assertThat(picture.path("sha256").asText()).isEqualTo(sha256(image));
            assertThat(picture.path("caption").asText()).isEqualTo("from the phone");
            assertThat(picture.path("mimetype").asText()).isEqualTo("image/jpeg");
            JsonNode document = media(b, sentDocument.path("id").asText());
            assertThat(document.path("kind").asText()).isEqualTo("document");
            assertThat(document.path("sha256").asText()).isEqualTo(sentDocument.path("sha256").asText());
            assertThat(document.path("size").asInt()).isEqualTo(300_000);
            assertThat(document.path("fileName").asText()).isEqualTo("report.pdf");

            byte[] photo = new byte[25_000];
            new SplittableRandom(12).nextBytes(photo);
            b.send(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("cmd", "send-media", "to", PHONE_JID,
                    "kind", "image", "base64", Base64.getEncoder().encodeToString(photo), "mimetype", "image/jpeg", "caption", "from Baileys")));
            within("image in the phone's inbox\n" + b).until(() -> inbox().stream().anyMatch(e -> e.path("type").asText().equals("image")));
            JsonNode received = inbox().stream().filter(e -> e.path("type").asText().equals("image")).findFirst().orElseThrow();
            assertThat(received.path("sha256").asText()).isEqualTo(sha256(photo));
            assertThat(received.path("size").asInt()).isEqualTo(photo.length);
            assertThat(received.path("caption").asText()).isEqualTo("from Baileys");
            assertThat(received.has("mediaError")).as("%s", received).isFalse();
            assertThat(b.count("error") + b.count("media-error")).as("%s", b).isZero();
        }
    }

    @Test
    void pollsAndVotesAreReadAndOpenedOnBothSides(@TempDir Path auth) {
        try (NodeScript b = peers.account(BAILEYS, auth)) {
            String poll = phoneSends(Map.of("to", BAILEYS_JID, "type", "poll", "name", "Lunch?",
                    "options", List.of("pizza", "sushi", "tacos"), "selectableCount", 1)).path("id").asText();
            JsonNode message = raw(b, poll);
            JsonNode creation = message.path("pollCreationMessageV3");
            assertThat(creation.path("name").asText()).isEqualTo("Lunch?");
            assertThat(creation.path("options")).extracting(o -> o.path("optionName").asText()).containsExactly("pizza", "sushi", "tacos");
            assertThat(creation.path("selectableOptionsCount").asInt()).isEqualTo(1);
            assertThat(Base64.getDecoder().decode(message.path("messageContextInfo").path("messageSecret").asText())).hasSize(32);

            // Baileys votes on the phone's poll; the phone opens the vote with the poll's secret
            long sent = b.count("sent");
            command(b, Map.of("cmd", "vote", "to", PHONE_JID, "pollId", poll, "options", List.of("sushi")));
            within("vote sent\n" + b).until(() -> b.count("sent") > sent);
            String vote = b.last("sent").orElseThrow().path("id").asText();
            within("vote in the phone's inbox\n" + b).until(() -> entry(vote).isPresent());
            JsonNode opened = entry(vote).orElseThrow();
            assertThat(opened.path("type").asText()).isEqualTo("vote");
            assertThat(opened.path("pollId").asText()).isEqualTo(poll);
            assertThat(opened.path("options")).extracting(JsonNode::asText).containsExactly("sushi");
            assertThat(opened.has("voteError")).as("%s", opened).isFalse();

            // the phone votes on Baileys' poll; Baileys' decryptPollVote opens it
            long before = b.count("sent");
            command(b, Map.of("cmd", "send-content", "to", PHONE_JID,
                    "content", Map.of("poll", Map.of("name", "Where?", "values", List.of("here", "there"), "selectableCount", 0))));
            within("poll sent\n" + b).until(() -> b.count("sent") > before);
            String baileysPoll = b.last("sent").orElseThrow().path("id").asText();
            within("poll in the phone's inbox\n" + b).until(() -> entry(baileysPoll).isPresent());
            assertThat(entry(baileysPoll).orElseThrow().path("options")).extracting(JsonNode::asText).containsExactly("here", "there");
            String phoneVote = phoneSends(Map.of("type", "vote", "pollChat", BAILEYS_JID, "pollId", baileysPoll,
                    "options", List.of("here", "there"))).path("id").asText();
            within("poll-vote\n" + b).until(() -> events(b, "poll-vote").stream().anyMatch(e -> e.path("id").asText().equals(phoneVote)));
            JsonNode decrypted = events(b, "poll-vote").stream().filter(e -> e.path("id").asText().equals(phoneVote)).findFirst().orElseThrow();
            assertThat(decrypted.path("pollId").asText()).isEqualTo(baileysPoll);
            assertThat(decrypted.path("voter").asText()).isEqualTo(PHONE_JID);
            assertThat(decrypted.path("options")).extracting(JsonNode::asText).containsExactly("here", "there");
            assertThat(b.count("error") + b.count("poll-vote-error")).as("%s", b).isZero();
        }
    }

    private JsonNode phoneSends(Map<String, ?> body) {
        AdminClient.Answer sent = admin.post("/admin/accounts/" + PHONE + "/messages", body);
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        return sent.body();
    }

    private List<JsonNode> inbox() {
        List<JsonNode> out = new java.util.ArrayList<>();
        admin.get("/admin/accounts/" + PHONE + "/inbox").body().forEach(out::add);
        return out;
    }

    private Optional<JsonNode> entry(String id) {
        return inbox().stream().filter(e -> e.path("id").asText().equals(id)).findFirst();
    }

    /** Baileys' report of the media message {@code id} it downloaded and decrypted. */
    private static JsonNode media(NodeScript client, String id) {
        within("media " + id + "\n" + client).until(() -> client.events().stream().anyMatch(e ->
                e.path("event").asText().startsWith("media") && e.path("id").asText().equals(id)));
        JsonNode event = client.events().stream().filter(e -> e.path("event").asText().startsWith("media")
                && e.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(event.path("event").asText()).as("%s", event).isEqualTo("media");
        return event;
    }

    private static JsonNode raw(NodeScript client, String id) {
        within("raw message " + id + "\n" + client).until(() -> events(client, "raw-message").stream()
                .anyMatch(e -> e.path("id").asText().equals(id)));
        return events(client, "raw-message").stream().filter(e -> e.path("id").asText().equals(id))
                .findFirst().orElseThrow().path("message");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
