package io.tryx.protocol.message;

import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantHashTest {

    private static final List<Jid> DEVICES = List.of(Jid.parse("15550002222@s.whatsapp.net"),
            Jid.parse("15550001111:3@s.whatsapp.net"), Jid.parse("123456789012345:7@lid"),
            Jid.parse("15550001111@s.whatsapp.net"));

    @Test
    void hashesTheSortedDeviceJidsWithAgentAndDeviceAsWhatsmeowDoes() {
        // SHA-256 over "123456789012345.0:7@lid15550001111.0:0@s.whatsapp.net15550001111.0:3@s.whatsapp.net
        // 15550002222.0:0@s.whatsapp.net", first 6 bytes, standard base64 (computed independently)
        assertThat(ParticipantHash.of(DEVICES)).isEqualTo("2:jZn1GC7Q");
    }

    @Test
    void orderAndDuplicatesDoNotMatter() {
        List<Jid> shuffled = List.of(DEVICES.get(3), DEVICES.get(2), DEVICES.get(1), DEVICES.get(0), DEVICES.get(1));
        assertThat(ParticipantHash.of(shuffled)).isEqualTo(ParticipantHash.of(DEVICES));
    }

    @Test
    void anExtraDeviceChangesTheHash() {
        List<Jid> more = new java.util.ArrayList<>(DEVICES);
        more.add(Jid.parse("15550002222:4@s.whatsapp.net"));
        assertThat(ParticipantHash.of(more)).isNotEqualTo(ParticipantHash.of(DEVICES)).startsWith("2:").hasSize(10);
    }

    @Test
    void anEmptySetHashesTheEmptyString() {
        assertThat(ParticipantHash.of(List.of())).isEqualTo("2:47DEQpj8");
    }
}
