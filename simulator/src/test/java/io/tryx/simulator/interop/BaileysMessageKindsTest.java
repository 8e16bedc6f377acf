package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.simulator.AdminClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.tryx.simulator.interop.BaileysPeers.awaitText;
import static io.tryx.simulator.interop.BaileysPeers.command;
import static io.tryx.simulator.interop.BaileysPeers.events;
import static io.tryx.simulator.interop.BaileysPeers.send;
import static io.tryx.simulator.interop.BaileysPeers.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock phone's message kinds (location, contact, reaction, edit, revoke) decrypt in an unmodified Baileys
 * client with the fields WhatsApp clients set, and the kinds Baileys sends show up typed in the phone's inbox.
 */
class BaileysMessageKindsTest {

    static final String PHONE = "15550004441";
    static final String BAILEYS = "15550004442";

    private BaileysPeers peers;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers();
        admin = peers.admin;
    }

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void everyKindTheMockPhoneSendsDecryptsInBaileys(@TempDir Path auth) {
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Phone")).status()).isEqualTo(201);
        try (NodeScript b = peers.account(BAILEYS, auth)) {
            String to = BAILEYS + "@s.whatsapp.net";
            String text = phoneSends(Map.of("to", to, "text", "original"));
            awaitText(b, "original");
            String fromBaileys = send(b, PHONE + "@s.whatsapp.net", "hi phone");
            within("phone inbox\n" + b).until(() -> admin.get("/admin/accounts/" + PHONE + "/inbox").body().size() == 1);

            JsonNode location = raw(b, phoneSends(Map.of("to", to, "type", "location", "latitude", 48.8584,
                    "longitude", 2.2945, "name", "Eiffel Tower"))).path("locationMessage");
            assertThat(location.path("degreesLatitude").asDouble()).isEqualTo(48.8584);
            assertThat(location.path("degreesLongitude").asDouble()).isEqualTo(2.2945);
            assertThat(location.path("name").asText()).isEqualTo("Eiffel Tower");

            JsonNode contact = raw(b, phoneSends(Map.of("to", to, "type", "contact", "displayName", "Carol",
                    "vcard", "BEGIN:VCARD\nVERSION:3.0\nFN:Carol\nTEL;type=CELL;waid=15550009999:+15550009999\nEND:VCARD")))
                    .path("contactMessage");
            assertThat(contact.path("displayName").asText()).isEqualTo("Carol");
            assertThat(contact.path("vcard").asText()).contains("waid=15550009999");

            JsonNode reaction = raw(b, phoneSends(Map.of("to", to, "type", "reaction", "targetId", fromBaileys,
                    "emoji", "👍"))).path("reactionMessage");
            assertThat(reaction.path("text").asText()).isEqualTo("👍");
            assertThat(reaction.path("key").path("id").asText()).isEqualTo(fromBaileys);
            // Baileys maps the key to its own view: the phone sent fromMe=false, remoteJid=Baileys' JID, and
            // Baileys finds the target is its own message (fromMe=true) in the chat with the phone
            assertThat(reaction.path("key").path("fromMe").asBoolean()).isTrue();
            assertThat(reaction.path("key").path("remoteJid").asText()).isEqualTo(PHONE + "@s.whatsapp.net");
            assertThat(reaction.path("senderTimestampMs").asLong()).isPositive();

            JsonNode edit = raw(b, phoneSends(Map.of("to", to, "type", "edit", "targetId", text, "text", "edited")));
            JsonNode editProtocol = edit.path("editedMessage").path("message").path("protocolMessage");
            assertThat(editProtocol.path("type").asText()).isEqualTo("MESSAGE_EDIT");
            assertThat(editProtocol.path("key").path("id").asText()).isEqualTo(text);
            assertThat(editProtocol.path("key").path("fromMe").asBoolean()).isTrue();
            assertThat(editProtocol.path("editedMessage").path("conversation").asText()).isEqualTo("edited");

            JsonNode revoke = raw(b, phoneSends(Map.of("to", to, "type", "revoke", "targetId", text))).path("protocolMessage");
            assertThat(revoke.path("type").asText()).isEqualTo("REVOKE");
            assertThat(revoke.path("key").path("id").asText()).isEqualTo(text);
            assertThat(revoke.path("key").path("fromMe").asBoolean()).isTrue();
            assertThat(b.count("error")).as("%s", b).isZero();
        }
    }

    @Test
    void kindsBaileysSendsAreTypedInThePhonesInbox(@TempDir Path auth) {
        assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Phone")).status()).isEqualTo(201);
        try (NodeScript b = peers.account(BAILEYS, auth)) {
            String text = phoneSends(Map.of("to", BAILEYS + "@s.whatsapp.net", "text", "react to me"));
            JsonNode key = awaitText(b, "react to me").path("key");
            String phoneJid = PHONE + "@s.whatsapp.net";
            String location = sendContent(b, phoneJid, Map.of("location", Map.of("degreesLatitude", 1.5, "degreesLongitude", -2.25)));
            String reaction = sendContent(b, phoneJid, Map.of("react", Map.of("text", "🔥", "key", key)));
            within("phone inbox\n" + b).until(() -> admin.get("/admin/accounts/" + PHONE + "/inbox").body().size() == 2);
            List<JsonNode> inbox = entries();
            JsonNode loc = inbox.stream().filter(e -> e.path("id").asText().equals(location)).findFirst().orElseThrow();
            assertThat(loc.path("type").asText()).isEqualTo("location");
            assertThat(loc.path("latitude").asDouble()).isEqualTo(1.5);
            assertThat(loc.path("longitude").asDouble()).isEqualTo(-2.25);
            JsonNode react = inbox.stream().filter(e -> e.path("id").asText().equals(reaction)).findFirst().orElseThrow();
            assertThat(react.path("type").asText()).isEqualTo("reaction");
            assertThat(react.path("emoji").asText()).isEqualTo("🔥");
            assertThat(react.path("targetId").asText()).isEqualTo(text);
            assertThat(react.path("from").asText()).startsWith(BAILEYS + ":1@");
        }
    }

    private String phoneSends(Map<String, ?> body) {
        AdminClient.Answer sent = admin.post("/admin/accounts/" + PHONE + "/messages", body);
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        return sent.body().path("id").asText();
    }

    private static String sendContent(NodeScript client, String to, Map<String, ?> content) {
        long before = client.count("sent");
        command(client, Map.of("cmd", "send-content", "to", to, "content", content));
        within("sent " + content + "\n" + client).until(() -> client.count("sent") > before);
        return client.last("sent").orElseThrow().path("id").asText();
    }

    /** The decrypted message Baileys reported for {@code id}. */
    private static JsonNode raw(NodeScript client, String id) {
        within("raw message " + id + "\n" + client).until(() -> events(client, "raw-message").stream()
                .anyMatch(e -> e.path("id").asText().equals(id)));
        JsonNode event = events(client, "raw-message").stream().filter(e -> e.path("id").asText().equals(id))
                .findFirst().orElseThrow();
        assertThat(event.path("from").asText()).isEqualTo(PHONE + "@s.whatsapp.net");
        return event.path("message");
    }

    private List<JsonNode> entries() {
        List<JsonNode> out = new java.util.ArrayList<>();
        admin.get("/admin/accounts/" + PHONE + "/inbox").body().forEach(out::add);
        return out;
    }
}
