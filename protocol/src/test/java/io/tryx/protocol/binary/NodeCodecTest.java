package io.tryx.protocol.binary;

import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Node roundTrip(Node node) {
        return NodeDecoder.decodeFrame(NodeEncoder.encode(node));
    }

    @Test
    void encodesTokensAsSingleAndDoubleBytes() {
        Node node = Node.builder("iq").attr("type", "get").attr("xmlns", "w:p").attr("reason", "protocol").build();

        // LIST_8 7, iq=25, type=4, get=41, xmlns=22, w:p=87, reason=236 46, protocol=236 3
        assertThat(HEX.formatHex(NodeEncoder.encode(node))).isEqualTo("00f8071904291657ec2eec03");
    }

    @Test
    void typicalStanzaRoundTrips() {
        Node message = Node.builder("message")
                .attr("to", Jid.parse("491701234567@s.whatsapp.net"))
                .attr("id", "3EB0C431C26A1916E2A0")
                .attr("type", "text")
                .attr("t", 1732400000L)
                .children(Node.builder("enc").attr("v", "2").attr("type", "pkmsg").bytes(new byte[300]).build(),
                        Node.builder("participants").children(List.of()).build(),
                        Node.builder("device-identity").bytes(new byte[] {1, 2, 3}).build())
                .build();

        Node decoded = roundTrip(message);

        assertThat(decoded).isEqualTo(message);
        assertThat(decoded.attrs().raw("to")).isInstanceOf(Jid.class);
        assertThat(decoded.attrs().jid("to")).isEqualTo(Jid.parse("491701234567@s.whatsapp.net"));
        assertThat(decoded.attrs().longValue("t")).isEqualTo(1732400000L);
        assertThat(decoded.child("participants").orElseThrow().content()).isEqualTo(new Content.Children(List.of()));
    }

    @Test
    void deviceJidsTravelAsAdJids() {
        Node node = Node.builder("to").attr("jid", Jid.parse("123:5@lid")).build();

        byte[] bytes = NodeEncoder.encode(node);

        // flag 0, LIST_8 3, "to", "jid", AD_JID domain 1 (lid) device 5, NIBBLE_8 "123"
        assertThat(HEX.formatHex(bytes)).isEqualTo("00f80311" + "0c" + "f70105" + "ff82123f");
        assertThat(roundTrip(node).attrs().raw("jid")).isEqualTo(Jid.parse("123:5@lid"));
    }

    @Test
    void stringContentKeepsItsKindAcrossTheWire() {
        assertThat(roundTrip(Node.builder("a").text("0123456789").build()).content())
                .isEqualTo(new Content.Text("0123456789"));
        assertThat(roundTrip(Node.builder("a").text("ABCDEF0").build()).content())
                .isEqualTo(new Content.Text("ABCDEF0"));
        assertThat(roundTrip(Node.builder("a").text("true").build()).content()).isEqualTo(new Content.Text("true"));
        assertThat(roundTrip(Node.builder("a").text("hello").build()).content())
                .isEqualTo(Content.Bytes.of("hello".getBytes()));
    }

    @Test
    void everyLengthClassRoundTrips() {
        for (int length : new int[] {0, 1, 255, 256, (1 << 20) - 1, 1 << 20, (1 << 20) + 7}) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (i * 31);
            }
            Node node = Node.builder("media").bytes(data).build();

            assertThat(roundTrip(node)).isEqualTo(node);
        }
    }

    @Test
    void manyChildrenUseList16() {
        List<Node> children = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            children.add(Node.builder("item").attr("n", i).build());
        }
        Node node = Node.builder("list").children(children).build();

        byte[] bytes = NodeEncoder.encode(node);

        assertThat(bytes[4] & 0xff).isEqualTo(WireTags.LIST_16);
        assertThat(roundTrip(node)).isEqualTo(node);
    }
}
