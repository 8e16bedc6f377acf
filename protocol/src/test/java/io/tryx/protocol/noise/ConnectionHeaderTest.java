package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionHeaderTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void plainHeaderIsWA63() {
        assertThat(HEX.formatHex(ConnectionHeader.plain().encode())).isEqualTo("57410603");
        assertThat(ConnectionHeader.plain().prologue()).containsExactly('W', 'A', 6, 3);
        assertThat(ConnectionHeaderReader.parse(HEX.parseHex("57410603"))).isEqualTo(ConnectionHeader.plain());
    }

    @Test
    void routedHeaderCarriesALengthPrefixedRoutingBlockBeforeWA63() {
        byte[] routing = new byte[300];
        routing[0] = 0x42;
        ConnectionHeader header = ConnectionHeader.routed(routing);
        byte[] wire = header.encode();
        assertThat(HEX.formatHex(wire, 0, 8)).isEqualTo("454400010001" + "2c42");
        assertThat(HEX.formatHex(wire, wire.length - 4, wire.length)).isEqualTo("57410603");
        assertThat(ConnectionHeaderReader.parse(wire)).isEqualTo(header);
        assertThat(header.prologue()).containsExactly('W', 'A', 6, 3);
    }

    @Test
    void readerReportsHowManyBytesBelongToTheHeader() {
        ConnectionHeaderReader reader = new ConnectionHeaderReader();
        byte[] wire = HEX.parseHex("4544000100000107" + "57410603" + "000000");
        assertThat(reader.read(wire, 0, 5)).isEqualTo(5);
        assertThat(reader.header()).isNull();
        assertThat(reader.read(wire, 5, wire.length - 5)).isEqualTo(7);
        assertThat(reader.header().routingInfo()).containsExactly(7);
        assertThat(reader.read(wire, 12, 3)).isZero();
    }

    @Test
    void rejectsForeignMagicOtherDictionaryVersionsAndBadRoutingBlocks() {
        assertReason("47455420", Reason.MALFORMED);                 // "GET " - not WhatsApp
        assertReason("57410602", Reason.UNSUPPORTED);               // dictionary version 2
        assertReason("57410503", Reason.MALFORMED);                 // magic 5
        assertReason("45440001000000", Reason.MALFORMED);           // empty routing block
        assertReason("45440001ffffff", Reason.LIMIT_EXCEEDED);      // 16 MiB routing block
        assertReason("454400010000010157410703", Reason.MALFORMED); // routing then a bad header
        assertReason("574106", Reason.TRUNCATED);
        assertReason("5741060300", Reason.MALFORMED);               // trailing byte for parse()
    }

    private static void assertReason(String hex, Reason reason) {
        assertThatThrownBy(() -> ConnectionHeaderReader.parse(HEX.parseHex(hex)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
