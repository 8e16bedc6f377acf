package io.tryx.protocol.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.tools.NodeJson;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the codec against known answers Baileys 7.0.0-rc14 produced
 * ({@code test-support/node/scripts/gen-binary-vectors.mjs} wrote {@code vectors/binary-nodes.json}), without
 * running node, so these run even where the interop tests are skipped.
 */
class KnownAnswerVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode VECTORS = load();

    private static JsonNode load() {
        try (InputStream in = KnownAnswerVectorsTest.class.getResourceAsStream("/vectors/binary-nodes.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Named<JsonNode>> vectors(String kind) {
        return StreamSupport.stream(VECTORS.get(kind).spliterator(), false)
                .map(v -> Named.of(v.get("name").textValue(), v));
    }

    static Stream<Named<JsonNode>> encodeVectors() {
        return vectors("encode");
    }

    static Stream<Named<JsonNode>> decodeVectors() {
        return vectors("decode");
    }

    static Stream<Named<JsonNode>> largeVectors() {
        return vectors("large");
    }

    @ParameterizedTest
    @MethodSource("encodeVectors")
    void encodesToBaileysBytes(JsonNode vector) {
        Node node = NodeJson.fromJson(vector.get("node"));

        assertThat(HEX.formatHex(NodeEncoder.encode(node))).isEqualTo(vector.get("hex").textValue());
    }

    @ParameterizedTest
    @MethodSource("encodeVectors")
    void decodesBaileysBytesAsBaileysDoes(JsonNode vector) {
        Node decoded = NodeDecoder.decodeFrame(HEX.parseHex(vector.get("hex").textValue()));

        assertThat(NodeJson.toJson(decoded)).isEqualTo(vector.get("decoded"));
        assertThat(decoded).isEqualTo(NodeCorpus.afterWire(NodeJson.fromJson(vector.get("node"))));
    }

    @ParameterizedTest
    @MethodSource("decodeVectors")
    void decodesHandMadeAndCompressedFramesAsBaileysDoes(JsonNode vector) {
        byte[] frame = HEX.parseHex(vector.get("hex").textValue());

        if (vector.has("error")) {
            assertThatThrownBy(() -> NodeDecoder.decodeFrame(frame)).isInstanceOf(ProtocolException.class);
        } else {
            assertThat(NodeJson.toJson(NodeDecoder.decodeFrame(frame))).isEqualTo(vector.get("decoded"));
        }
    }

    @ParameterizedTest
    @MethodSource("largeVectors")
    void encodesPayloadsOverOneMebibyteAsBaileysDoes(JsonNode vector) throws NoSuchAlgorithmException {
        byte[] payload = new byte[vector.get("length").intValue()];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ((i * 31 + 7) & 0xff);
        }
        Node node = Node.builder(vector.get("tag").textValue())
                .attr("type", vector.get("attrs").get("type").textValue()).bytes(payload).build();

        byte[] frame = NodeEncoder.encode(node);

        assertThat(HEX.formatHex(frame, 0, 16)).isEqualTo(vector.get("head").textValue());
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(frame)))
                .isEqualTo(vector.get("sha256").textValue());
        assertThat(NodeDecoder.decodeFrame(frame)).isEqualTo(node);
    }
}
