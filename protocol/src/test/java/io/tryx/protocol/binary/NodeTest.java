package io.tryx.protocol.binary;

import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeTest {

    @Test
    void toStringRendersAnXmlLikeLine() {
        Node node = Node.builder("message").attr("to", Jid.parse("123@s.whatsapp.net")).attr("note", "a\"<b>&")
                .children(Node.builder("enc").attr("v", "2").bytes(new byte[] {(byte) 0xca, (byte) 0xfe}).build(),
                        Node.builder("body").text("hi").build(), Node.of("ping"))
                .build();

        assertThat(node).hasToString("<message to=\"123@s.whatsapp.net\" note=\"a&quot;&lt;b&gt;&amp;\">"
                + "<enc v=\"2\">[2 bytes cafe]</enc><body>hi</body><ping/></message>");
    }

    @Test
    void toStringShortensLongTextBytesAndChildLists() {
        List<Node> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(Node.of("i"));
        }

        assertThat(Node.builder("t").text("x".repeat(1000)).build().toString())
                .hasSizeLessThan(260).endsWith("...(1000 chars)</t>");
        assertThat(Node.builder("b").bytes(new byte[5000]).build().toString())
                .startsWith("<b>[5000 bytes 0000").endsWith("...]</b>");
        assertThat(Node.builder("l").children(many).build().toString()).endsWith("<i/><!-- 10 more --></l>");
    }

    @Test
    void bytesContentIsImmutable() {
        byte[] data = {1, 2, 3};
        Node node = Node.builder("b").bytes(data).build();
        data[0] = 9;
        node.contentBytes().orElseThrow()[1] = 9;

        assertThat(node.contentBytes()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(node).isEqualTo(Node.builder("b").bytes(new byte[] {1, 2, 3}).build());
    }

    @Test
    void childAccessorsFindChildrenByTag() {
        Node node = Node.builder("list").children(Node.builder("item").attr("n", 1).build(), Node.of("other"),
                Node.builder("item").attr("n", 2).build()).build();

        assertThat(node.children("item")).extracting(n -> n.attrs().longValue("n")).containsExactly(1L, 2L);
        assertThat(node.child("other")).isPresent();
        assertThat(node.child("absent")).isEmpty();
        assertThat(Node.of("x").children()).isEmpty();
        assertThat(Node.builder("x").text("t").build().contentText()).contains("t");
    }

    @Test
    void emptyChildrenDifferFromNoContent() {
        assertThat(Node.builder("x").children(List.of()).build()).isNotEqualTo(Node.of("x"));
    }

    @Test
    void aTagCannotBeEmpty() {
        assertThatThrownBy(() -> Node.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
