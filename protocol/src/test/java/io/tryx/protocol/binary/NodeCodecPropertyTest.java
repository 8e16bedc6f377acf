package io.tryx.protocol.binary;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import static org.assertj.core.api.Assertions.assertThat;

/** Round-trip properties of the codec over generated nodes. */
class NodeCodecPropertyTest {

    @Provide
    Arbitrary<Node> nodes() {
        return NodeArbitraries.node();
    }

    @Provide
    Arbitrary<String> strings() {
        return NodeArbitraries.string();
    }

    @Property(tries = 800)
    void decodingAnEncodedNodeGivesItBack(@ForAll("nodes") Node node) {
        assertThat(NodeDecoder.decodeFrame(NodeEncoder.encode(node))).isEqualTo(NodeCorpus.afterWire(node));
    }

    @Property(tries = 800)
    void everyAttributeValueSurvivesTheWireAsTheSameText(@ForAll("strings") String value) {
        Node node = Node.builder("x").attr("v", value).build();

        assertThat(NodeDecoder.decodeFrame(NodeEncoder.encode(node)).attrs().string("v")).isEqualTo(value);
    }

    @Property(tries = 300)
    void encodingIsDeterministicAndReencodingADecodedNodeGivesTheSameBytes(@ForAll("nodes") Node node) {
        byte[] bytes = NodeEncoder.encode(node);

        assertThat(NodeEncoder.encode(NodeDecoder.decodeFrame(bytes))).isEqualTo(bytes);
    }
}
