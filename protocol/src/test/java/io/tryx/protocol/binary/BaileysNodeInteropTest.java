package io.tryx.protocol.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tryx.protocol.interop.NodePeer;
import io.tryx.protocol.tools.NodeJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the codec against Baileys 7.0.0-rc14 on a seeded corpus, in one node process: both encoders
 * produce identical bytes, Baileys decodes our bytes to the same node, and we decode Baileys' bytes to the
 * same node. Intended differences are covered by {@link BaileysIntendedDifferencesTest}.
 */
class BaileysNodeInteropTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int COMPRESSED_SAMPLES = 40;

    private static List<Node> corpus;
    private static List<byte[]> ours;
    private static JsonNode response;

    @BeforeAll
    static void exchangeCorpusWithBaileys() throws IOException {
        NodePeer.home();
        corpus = NodeCorpus.generate(20261124L, 320);
        ours = corpus.stream().map(NodeEncoder::encode).toList();
        ObjectNode request = MAPPER.createObjectNode();
        ArrayNode encode = request.putArray("encode");
        ArrayNode decode = request.putArray("decode");
        for (int i = 0; i < corpus.size(); i++) {
            encode.add(NodeJson.toJson(corpus.get(i)));
            decode.add(Base64.getEncoder().encodeToString(ours.get(i)));
        }
        for (int i = 0; i < COMPRESSED_SAMPLES; i++) {
            decode.add(Base64.getEncoder().encodeToString(NodeEncoder.encodeCompressed(corpus.get(i * 7))));
        }
        request.put("tokens", true);
        response = MAPPER.readTree(NodePeer.run("binary-peer.mjs", MAPPER.writeValueAsBytes(request)));
    }

    @Test
    void corpusCoversEveryConstruct() {
        ConstructCensus census = new ConstructCensus();
        corpus.forEach(node -> census.scan(node, 1));

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(census.missing()).isEmpty();
    }

    @Test
    void bothEncodersProduceIdenticalBytes() {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            JsonNode theirs = response.get("encoded").get(i);
            String mine = Base64.getEncoder().encodeToString(ours.get(i));
            if (!theirs.isTextual()) {
                mismatches.add("#" + i + " Baileys failed: " + theirs);
            } else if (!theirs.textValue().equals(mine)) {
                mismatches.add("#" + i + " " + firstDifference(ours.get(i), Base64.getDecoder().decode(theirs.textValue())));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String firstDifference(byte[] mine, byte[] theirs) {
        int at = java.util.Arrays.mismatch(mine, theirs);
        int from = Math.max(0, at - 24);
        java.util.HexFormat hex = java.util.HexFormat.of();
        return "bytes differ at " + at + ": ours ..." + hex.formatHex(mine, from, Math.min(mine.length, at + 24))
                + " theirs ..." + hex.formatHex(theirs, from, Math.min(theirs.length, at + 24));
    }

    @Test
    void baileysDecodesOurBytesToTheSameNode() {
        for (int i = 0; i < corpus.size(); i++) {
            JsonNode decodedByBaileys = response.get("decoded").get(i);

            assertThat(decodedByBaileys).as("node #%d %s", i, corpus.get(i))
                    .isEqualTo(NodeJson.toJson(NodeCorpus.afterWire(corpus.get(i))));
        }
    }

    @Test
    void weDecodeBaileysBytesToTheSameNode() {
        for (int i = 0; i < corpus.size(); i++) {
            byte[] theirs = Base64.getDecoder().decode(response.get("encoded").get(i).textValue());

            assertThat(NodeDecoder.decodeFrame(theirs)).as("node #%d", i).isEqualTo(NodeCorpus.afterWire(corpus.get(i)));
        }
    }

    @Test
    void baileysDecodesCompressedFramesLikeUs() {
        for (int i = 0; i < COMPRESSED_SAMPLES; i++) {
            byte[] frame = NodeEncoder.encodeCompressed(corpus.get(i * 7));
            assertThat(frame[0]).isEqualTo((byte) 2);
            JsonNode decodedByBaileys = response.get("decoded").get(corpus.size() + i);

            assertThat(decodedByBaileys).isEqualTo(NodeJson.toJson(NodeDecoder.decodeFrame(frame)));
        }
    }

    @Test
    void tokenTablesMatchBaileys() {
        JsonNode tokens = response.get("tokens");
        assertThat(tokens.get("single").size()).isEqualTo(Tokens.singleCount());
        for (int i = 1; i < Tokens.singleCount(); i++) {
            assertThat(tokens.get("single").get(i).textValue()).isEqualTo(Tokens.single(i));
        }
        for (int d = 0; d < 4; d++) {
            assertThat(tokens.get("double").get(d).size()).isEqualTo(256);
            for (int i = 0; i < 256; i++) {
                assertThat(tokens.get("double").get(d).get(i).textValue()).isEqualTo(Tokens.doubleByte(d, i));
            }
        }
    }
}
