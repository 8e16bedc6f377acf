package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The connection-header parser accepts exactly what the encoder writes and fails typed on anything else. */
class ConnectionHeaderPropertyTest {

    @Property(tries = 300)
    void encodedHeadersParseBack(@ForAll @Size(max = ConnectionHeader.MAX_ROUTING_INFO) byte[] routing) {
        ConnectionHeader header = ConnectionHeader.routed(routing);
        assertThat(ConnectionHeaderReader.parse(header.encode())).isEqualTo(header);
    }

    @Property(tries = 300)
    void truncatedHeadersAreTruncated(@ForAll @Size(max = 600) byte[] routing, @ForAll @IntRange(max = 10_000) int cut) {
        byte[] wire = ConnectionHeader.routed(routing).encode();
        byte[] truncated = Arrays.copyOf(wire, cut % wire.length);
        assertThatThrownBy(() -> ConnectionHeaderReader.parse(truncated))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Property(tries = 300)
    void bitFlipsGiveAProtocolExceptionOrAnotherValidHeader(@ForAll @Size(max = 600) byte[] routing,
                                                            @ForAll @IntRange(max = 1_000_000) int bit) {
        byte[] wire = ConnectionHeader.routed(routing).encode();
        int position = bit % (wire.length * 8);
        wire[position / 8] ^= (byte) (1 << (position % 8));
        Throwable thrown = catchThrowable(() -> ConnectionHeaderReader.parse(wire));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ProtocolException.class));
    }

    @Property(tries = 500)
    void randomBytesGiveAHeaderOrAProtocolException(@ForAll @Size(max = 64) byte[] input) {
        Throwable thrown = catchThrowable(() -> ConnectionHeaderReader.parse(input));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ProtocolException.class));
    }
}
