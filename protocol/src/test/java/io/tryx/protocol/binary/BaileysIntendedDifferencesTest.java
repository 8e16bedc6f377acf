package io.tryx.protocol.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.interop.NodePeer;
import io.tryx.protocol.tools.NodeJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The places where we deliberately do not copy Baileys 7.0.0-rc14, each shown against the real thing.
 * Wherever Baileys' encoder would lose information, our bytes differ from its bytes, and Baileys itself
 * decodes ours back to the original (see {@link WireStrings}).
 */
class BaileysIntendedDifferencesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Strings Baileys' encoder does not carry faithfully, and what Baileys makes of them. */
    private static final List<String> LOSSY_IN_BAILEYS = List.of(
            "491701234567_1@s.whatsapp.net",   // agent dropped
            "491701234567:0@s.whatsapp.net",   // device 0 dropped
            "491701234567:300@s.whatsapp.net", // device 300 becomes 44
            "491701234567:03@s.whatsapp.net",  // device spelled 03 becomes 3
            "1234567890:4@g.us",               // device on a group: server becomes s.whatsapp.net
            "1:2:3@s.whatsapp.net",            // second colon dropped
            "100000123456789:5@msgr",          // server lost; we write FB_JID
            "7-491701234567:2@interop",        // server lost; we write INTEROP_JID
            "user@",                           // Baileys cannot decode its own bytes
            "constructor",                     // Object.prototype member: written as byte 0 = ""
            "__proto__",
            "toString");

    private static JsonNode exchange(List<Node> nodes) throws IOException {
        ObjectNode request = MAPPER.createObjectNode();
        for (Node node : nodes) {
            request.withArray("encode").add(NodeJson.toJson(node));
            request.withArray("roundTrip").add(NodeJson.toJson(node));
            request.withArray("decode").add(Base64.getEncoder().encodeToString(NodeEncoder.encode(node)));
        }
        return MAPPER.readTree(NodePeer.run("binary-peer.mjs", MAPPER.writeValueAsBytes(request)));
    }

    private static Node carrying(String value) {
        return Node.builder("item").attr("value", value).build();
    }

    @Test
    void stringsBaileysWouldCorruptAreWrittenFaithfullyAndBaileysReadsThemBack() throws IOException {
        List<Node> nodes = LOSSY_IN_BAILEYS.stream().map(BaileysIntendedDifferencesTest::carrying).toList();

        JsonNode response = exchange(nodes);

        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String original = LOSSY_IN_BAILEYS.get(i);
            byte[] ours = NodeEncoder.encode(node);
            assertThat(response.get("encoded").get(i).textValue()).as(original)
                    .isNotEqualTo(Base64.getEncoder().encodeToString(ours));
            JsonNode baileysOwn = response.get("roundTripped").get(i);
            assertThat(baileysOwn.has("error") ? "<error>" : baileysOwn.get("attrs").get("value").textValue())
                    .as("Baileys' own round trip of %s", original).isNotEqualTo(original);
            assertThat(response.get("decoded").get(i).get("attrs").get("value").textValue())
                    .as("Baileys decoding our bytes for %s", original).isEqualTo(original);
            assertThat(NodeDecoder.decodeFrame(ours).attrs().string("value")).isEqualTo(original);
        }
    }

    @Test
    void messengerAndInteropDeviceJidsUseWhatsmeowsDedicatedForms() {
        byte[] fb = NodeEncoder.encodeUnframed(carrying("100000123456789:5@msgr"));
        byte[] interop = NodeEncoder.encodeUnframed(carrying("7-491701234567:2@interop"));

        assertThat(fb[4] & 0xff).isEqualTo(WireTags.FB_JID);
        assertThat(interop[4] & 0xff).isEqualTo(WireTags.INTEROP_JID);
    }

    @Test
    void jidsNestedBeyondTheLimitAreWrittenRawAndStillReadBackByBaileys() throws IOException {
        String deep = "a@".repeat(NodeLimits.MAX_JID_NESTING + 4) + "s.whatsapp.net";
        Node node = carrying(deep);

        JsonNode response = exchange(List.of(node));

        assertThat(response.get("encoded").get(0).textValue())
                .isNotEqualTo(Base64.getEncoder().encodeToString(NodeEncoder.encode(node)));
        assertThat(response.get("roundTripped").get(0).get("attrs").get("value").textValue()).isEqualTo(deep);
        assertThat(response.get("decoded").get(0).get("attrs").get("value").textValue()).isEqualTo(deep);
        assertThat(NodeDecoder.decodeFrame(NodeEncoder.encode(node)).attrs().string("value")).isEqualTo(deep);
    }

    @Test
    void weKeepAttributeOrderWhereJavaScriptObjectsHoistIntegerKeys() throws IOException {
        Node node = Node.builder("item").attr("b", "x").attr("10", "y").build();

        JsonNode response = exchange(List.of(node));

        byte[] theirs = Base64.getDecoder().decode(response.get("encoded").get(0).textValue());
        assertThat(NodeDecoder.decodeFrame(theirs).attrs().name(0)).isEqualTo("10");
        assertThat(NodeDecoder.decodeFrame(NodeEncoder.encode(node)).attrs().name(0)).isEqualTo("b");
    }

    @Test
    void duplicateAttributeNamesAreRejectedWhereBaileysKeepsTheLast() throws IOException {
        // LIST_8 5, "item", "id" -> "1", "id" -> "2" (the single-byte tokens of item, id, 1 and 2)
        byte[] frame = HexFormat.of().parseHex("00f805" + "3f" + "0855" + "0845");
        ObjectNode request = MAPPER.createObjectNode();
        request.withArray("decode").add(Base64.getEncoder().encodeToString(frame));

        JsonNode response = MAPPER.readTree(NodePeer.run("binary-peer.mjs", MAPPER.writeValueAsBytes(request)));

        assertThat(response.get("decoded").get(0).get("attrs").get("id").textValue()).isEqualTo("2");
        assertThatThrownBy(() -> NodeDecoder.decodeFrame(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void bytesAfterTheRootNodeAreRejectedWhereBaileysIgnoresThem() throws IOException {
        byte[] frame = HexFormat.of().parseHex("00f8013f" + "ff");
        ObjectNode request = MAPPER.createObjectNode();
        request.withArray("decode").add(Base64.getEncoder().encodeToString(frame));

        JsonNode response = MAPPER.readTree(NodePeer.run("binary-peer.mjs", MAPPER.writeValueAsBytes(request)));

        assertThat(response.get("decoded").get(0).get("tag").textValue()).isEqualTo("item");
        assertThatThrownBy(() -> NodeDecoder.decodeFrame(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
}
