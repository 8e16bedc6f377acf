package io.tryx.bridge.serde;

import io.tryx.bridge.serde.AvroSerdeException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFormatTest {

    @Test
    void theHeaderIsMagicZeroAndTheBigEndianId() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId(new byte[]{0, 0, 0, 1, 0, 42}, "t")).isEqualTo(256);
        assertThat(WireFormat.schemaId(WireFormat.header(Integer.MAX_VALUE), "t")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aWrongFirstByteIsBadMagic() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[]{1, 0, 0, 0, 1}, "t"))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_MAGIC);
                    assertThat(e.topic()).isEqualTo("t");
                });
    }

    @Test
    void fewerThanFiveBytesAreTruncated() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[]{0, 0, 0}, "t"))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }
}
