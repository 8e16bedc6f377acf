package io.tryx.simulator.admin;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock phone's messaging endpoints over HTTP: phone to phone, and the typed errors. */
class PhoneEndpointsTest {

    private static Simulator simulator;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        admin.post("/admin/accounts", Map.of("phone", "15552220001", "pushName", "A"));
        admin.post("/admin/accounts", Map.of("phone", "15552220002", "pushName", "B"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aPhoneTextReachesTheOtherPhonesInbox() {
        var sent = admin.post("/admin/accounts/15552220001/messages", Map.of("to", "15552220002@s.whatsapp.net", "text", "ping"));
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        var inbox = admin.get("/admin/accounts/15552220002/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).anySatisfy(e -> {
            assertThat(e.path("id").asText()).isEqualTo(sent.body().path("id").asText());
            assertThat(e.path("text").asText()).isEqualTo("ping");
            assertThat(e.path("type").asText()).isEqualTo("text");
            assertThat(e.path("from").asText()).isEqualTo("15552220001@s.whatsapp.net");
        });
    }

    @Test
    void everyMessageKindReachesTheOtherPhonesInboxWithItsFields() {
        String a = "/admin/accounts/15552220001/messages";
        String b = "/admin/accounts/15552220002/messages";
        String toB = "15552220002@s.whatsapp.net";
        String text = id(admin.post(a, Map.of("to", toB, "text", "original")));
        String location = id(admin.post(a, Map.of("to", toB, "type", "location", "latitude", 52.52, "longitude", 13.405, "name", "Berlin")));
        String contact = id(admin.post(a, Map.of("to", toB, "type", "contact", "displayName", "Carol",
                "vcard", "BEGIN:VCARD\nVERSION:3.0\nFN:Carol\nEND:VCARD")));
        String ownReaction = id(admin.post(a, Map.of("to", toB, "type", "reaction", "targetId", text, "emoji", "👍")));
        String edit = id(admin.post(a, Map.of("to", toB, "type", "edit", "targetId", text, "text", "edited")));
        String revoke = id(admin.post(a, Map.of("to", toB, "type", "revoke", "targetId", text)));
        // B reacts to the message it received: the key is not B's own
        String peerReaction = id(admin.post(b, Map.of("to", "15552220001@s.whatsapp.net", "type", "reaction", "targetId", text, "emoji", "❤")));

        var inboxB = entries("15552220002");
        assertThat(inboxB.get(location).path("type").asText()).isEqualTo("location");
        assertThat(inboxB.get(location).path("latitude").asDouble()).isEqualTo(52.52);
        assertThat(inboxB.get(location).path("longitude").asDouble()).isEqualTo(13.405);
        assertThat(inboxB.get(location).path("name").asText()).isEqualTo("Berlin");
        assertThat(inboxB.get(contact).path("type").asText()).isEqualTo("contact");
        assertThat(inboxB.get(contact).path("displayName").asText()).isEqualTo("Carol");
        assertThat(inboxB.get(contact).path("vcard").asText()).contains("FN:Carol");
        assertThat(inboxB.get(ownReaction).path("type").asText()).isEqualTo("reaction");
        assertThat(inboxB.get(ownReaction).path("targetId").asText()).isEqualTo(text);
        assertThat(inboxB.get(ownReaction).path("targetFromMe").asBoolean()).isTrue();
        assertThat(inboxB.get(ownReaction).path("emoji").asText()).isEqualTo("👍");
        assertThat(inboxB.get(ownReaction).has("text")).isFalse();
        assertThat(inboxB.get(edit).path("type").asText()).isEqualTo("edit");
        assertThat(inboxB.get(edit).path("targetId").asText()).isEqualTo(text);
        assertThat(inboxB.get(edit).path("text").asText()).isEqualTo("edited");
        assertThat(inboxB.get(revoke).path("type").asText()).isEqualTo("revoke");
        assertThat(inboxB.get(revoke).path("targetId").asText()).isEqualTo(text);
        var inboxA = entries("15552220001");
        assertThat(inboxA.get(peerReaction).path("targetId").asText()).isEqualTo(text);
        assertThat(inboxA.get(peerReaction).path("targetFromMe").asBoolean()).isFalse();
        assertThat(inboxA.get(peerReaction).path("emoji").asText()).isEqualTo("❤");
    }

    @Test
    void messageKindErrorsAreTyped() {
        String a = "/admin/accounts/15552220001/messages";
        String toB = "15552220002@s.whatsapp.net";
        String received = id(admin.post("/admin/accounts/15552220002/messages", Map.of("to", "15552220001@s.whatsapp.net", "text", "to A")));
        assertError(admin.post(a, Map.of("to", toB, "type", "gif")), 400, "invalid-type");
        assertError(admin.post(a, Map.of("to", toB, "type", "poll")), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "poll", "name", "one?", "options", List.of("only"))), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "poll", "name", "n", "options", List.of("x", "y"), "selectableCount", 3)),
                400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "image")), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "image", "data", "not base64!")), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "image", "size", 65L << 20)), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "image", "size", 10, "ptt", true)), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "vote", "pollId", "NOPE", "options", List.of("x"))), 404, "unknown-target");
        String poll = id(admin.post(a, Map.of("to", toB, "type", "poll", "name", "Lunch?", "options", List.of("pizza", "sushi"),
                "selectableCount", 1)));
        assertError(admin.post(a, Map.of("pollChat", toB, "type", "vote", "pollId", poll, "options", List.of("tacos"))), 400, "invalid-option");
        assertError(admin.post(a, Map.of("pollChat", toB, "type", "vote", "pollId", poll, "options", List.of("pizza", "sushi"))),
                400, "invalid-option");
        assertError(admin.post(a, Map.of("to", toB, "type", "vote", "pollId", poll, "pollChat", "15550000000@s.whatsapp.net",
                "options", List.of("pizza"))), 404, "unknown-target");
        assertError(admin.post(a, Map.of("to", toB, "type", "location", "longitude", 1)), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "location", "latitude", 91, "longitude", 1)), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "contact", "displayName", "x")), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "reaction", "targetId", "NOPE", "emoji", "x")), 404, "unknown-target");
        assertError(admin.post(a, Map.of("to", toB, "type", "reaction", "targetId", received)), 400, "invalid-field");
        assertError(admin.post(a, Map.of("to", toB, "type", "edit", "targetId", received, "text", "mine now")), 400, "not-own-message");
        assertError(admin.post(a, Map.of("to", toB, "type", "revoke", "targetId", received)), 400, "not-own-message");
        assertError(admin.post(a, Map.of("to", toB, "type", "edit", "targetId", received)), 400, "invalid-text");
    }

    @Test
    void mediaPollsAndVotesShowInTheInboxesWithTheirFields() {
        String a = "/admin/accounts/15552220001/messages";
        String toB = "15552220002@s.whatsapp.net";
        byte[] pdf = "%PDF-1.4 a tiny document".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var document = admin.post(a, Map.of("to", toB, "type", "document", "data", java.util.Base64.getEncoder().encodeToString(pdf),
                "mimetype", "application/pdf", "fileName", "tiny.pdf", "caption", "read me"));
        assertThat(document.status()).as("%s", document.body()).isEqualTo(200);
        var voice = admin.post(a, Map.of("to", toB, "type", "audio", "size", 4096, "seed", 9, "ptt", true));
        assertThat(voice.status()).as("%s", voice.body()).isEqualTo(200);
        String poll = id(admin.post(a, Map.of("to", toB, "type", "poll", "name", "Tea or coffee?", "options", List.of("tea", "coffee"))));
        String vote = id(admin.post("/admin/accounts/15552220002/messages", Map.of("type", "vote", "pollId", poll,
                "pollChat", "15552220001@s.whatsapp.net", "options", List.of("tea", "coffee"))));

        var inboxB = entries("15552220002");
        var doc = inboxB.get(document.body().path("id").asText());
        assertThat(doc.path("type").asText()).isEqualTo("document");
        assertThat(doc.path("sha256").asText()).isEqualTo(document.body().path("sha256").asText()).hasSize(64);
        assertThat(doc.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(doc.path("fileName").asText()).isEqualTo("tiny.pdf");
        assertThat(doc.path("caption").asText()).isEqualTo("read me");
        assertThat(doc.path("mimetype").asText()).isEqualTo("application/pdf");
        assertThat(doc.has("mediaError")).isFalse();
        var ptt = inboxB.get(voice.body().path("id").asText());
        assertThat(ptt.path("type").asText()).isEqualTo("audio");
        assertThat(ptt.path("ptt").asBoolean()).isTrue();
        assertThat(ptt.path("mimetype").asText()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(ptt.path("sha256").asText()).isEqualTo(voice.body().path("sha256").asText());
        var pollEntry = inboxB.get(poll);
        assertThat(pollEntry.path("type").asText()).isEqualTo("poll");
        assertThat(pollEntry.path("name").asText()).isEqualTo("Tea or coffee?");
        assertThat(pollEntry.path("options")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly("tea", "coffee");
        assertThat(pollEntry.path("selectableCount").asInt()).isZero();
        var voteEntry = entries("15552220001").get(vote);
        assertThat(voteEntry.path("type").asText()).isEqualTo("vote");
        assertThat(voteEntry.path("pollId").asText()).isEqualTo(poll);
        assertThat(voteEntry.path("options")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly("tea", "coffee");
    }

    @Test
    void statsReportWhatThePhonesDroppedBeyondTheirLimit() throws Exception {
        try (Simulator limited = Simulator.start(SimulatorConfig.defaults().withPhoneInboxLimit(2))) {
            AdminClient client = new AdminClient(limited.adminUrl());
            client.post("/admin/accounts", Map.of("phone", "15552230001", "pushName", "A"));
            client.post("/admin/accounts", Map.of("phone", "15552230002", "pushName", "B"));
            for (int i = 1; i <= 5; i++) {
                id(client.post("/admin/accounts/15552230001/messages", Map.of("to", "15552230002@s.whatsapp.net", "text", "t" + i)));
            }
            assertThat(client.get("/admin/accounts/15552230002/inbox").body()).extracting(e -> e.path("text").asText())
                    .containsExactly("t4", "t5");
            var stats = client.get("/admin/stats").body();
            assertThat(stats.path("phoneInboxDropped").asLong()).isEqualTo(3);
            assertThat(stats.path("phoneHistoryDropped").asLong()).isEqualTo(6);
            assertThat(stats.path("deliveryDropped").asLong()).isZero();
        }
    }

    private static String id(AdminClient.Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body().path("id").asText();
    }

    private static Map<String, com.fasterxml.jackson.databind.JsonNode> entries(String phone) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
        admin.get("/admin/accounts/" + phone + "/inbox").body().forEach(e -> byId.put(e.path("id").asText(), e));
        return byId;
    }

    @Test
    void errorsAreTyped() {
        assertError(admin.post("/admin/accounts/15559999999/messages", Map.of("to", "15552220002@s.whatsapp.net", "text", "x")), 404, "unknown-account");
        assertError(admin.post("/admin/accounts/15552220001/messages", Map.of("to", "15550000000@s.whatsapp.net", "text", "x")), 404, "unknown-recipient");
        assertError(admin.post("/admin/accounts/15552220001/messages", Map.of("to", "not a jid@@", "text", "x")), 400, "invalid-jid");
        assertError(admin.post("/admin/accounts/15552220001/messages", Map.of("to", "15552220002@s.whatsapp.net")), 400, "invalid-text");
        assertError(admin.post("/admin/accounts/15552220001/messages", "[]"), 400, "invalid-json");
        assertError(admin.get("/admin/accounts/15559999999/inbox"), 404, "unknown-account");
        assertError(admin.get("/admin/accounts/15552220001/messages"), 405, "method-not-allowed");
    }

    private static void assertError(AdminClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).isEqualTo(code);
    }
}
