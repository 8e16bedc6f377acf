package io.tryx.protocol.message;

import io.tryx.protocol.interop.ProtoPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Our ids equal Baileys' {@code generateMessageIDV2} for the same clock, own JID and random bytes. */
class MessageIdsMatchBaileysTest {

    private static ProtoPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = ProtoPeer.open();
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "none,                              none",
            "15550001111@s.whatsapp.net,        15550001111",
            "15550001111:12@s.whatsapp.net,     15550001111",
            "123456789012345@lid,               123456789012345",
            "123456789012345:3@lid,             123456789012345",
            "1234567890123456789@s.whatsapp.net, 1234567890123456789",
            "1@s.whatsapp.net,                  1",
    })
    void sameIdAsBaileysForTheSameInputs(String ownJid, String ownUser) {
        SplittableRandom inputs = new SplittableRandom(ownJid == null ? 0 : ownJid.hashCode());
        for (int i = 0; i < 25; i++) {
            long seconds = inputs.nextLong(0, 4_102_444_800L);
            byte[] random = new byte[MessageIds.RANDOM_BYTES];
            inputs.nextBytes(random);

            assertThat(MessageIds.generate(seconds, ownUser, random))
                    .as("t=%d", seconds)
                    .isEqualTo(peer.messageId(seconds, ownJid, random));
        }
    }
}
