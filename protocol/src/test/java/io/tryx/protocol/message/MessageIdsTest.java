package io.tryx.protocol.message;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageIdsTest {

    private static final byte[] SEVENS = filled(7);

    @Test
    void idIs3EB0FollowedBy18UppercaseHexDigits() {
        String id = MessageIds.generate(Instant.ofEpochSecond(1_700_000_000L), "15550001111", new SplittableRandom(1));

        assertThat(id).hasSize(22).matches("3EB0[0-9A-F]{18}");
        assertThat(MessageIds.isWebFormat(id)).isTrue();
    }

    @Test
    void matchesBaileysKnownAnswers() {
        // Baileys 7.0.0-rc14 generateMessageIDV2 with Date.now() = 1700000000123 and randomBytes(16) = 16 x 0x07
        assertThat(MessageIds.generate(1_700_000_000L, "1234567890", SEVENS)).isEqualTo("3EB0D6DC90776C5F7A6857");
        assertThat(MessageIds.generate(1_700_000_000L, null, SEVENS)).isEqualTo("3EB0AF1CB96FD17BE687FA");
    }

    @Test
    void noUserAndEmptyUserAreTheSame() {
        assertThat(MessageIds.generate(1_700_000_000L, "", SEVENS))
                .isEqualTo(MessageIds.generate(1_700_000_000L, null, SEVENS));
    }

    @Test
    void onlyWholeSecondsOfTheClockCount() {
        String early = MessageIds.generate(Instant.ofEpochSecond(1_700_000_000L, 0), "1", new SplittableRandom(9));
        String late = MessageIds.generate(Instant.ofEpochSecond(1_700_000_000L, 999_999_999), "1", new SplittableRandom(9));

        assertThat(late).isEqualTo(early);
    }

    @Test
    void everyInputChangesTheId() {
        String base = MessageIds.generate(1_700_000_000L, "1234567890", SEVENS);

        assertThat(MessageIds.generate(1_700_000_001L, "1234567890", SEVENS)).isNotEqualTo(base);
        assertThat(MessageIds.generate(1_700_000_000L, "1234567891", SEVENS)).isNotEqualTo(base);
        assertThat(MessageIds.generate(1_700_000_000L, "1234567890", filled(8))).isNotEqualTo(base);
    }

    @Test
    void randomBytesComeFromTheGivenGenerator() {
        byte[] random = new byte[16];
        new SplittableRandom(42).nextBytes(random);

        assertThat(MessageIds.generate(Instant.ofEpochSecond(5), "7", new SplittableRandom(42)))
                .isEqualTo(MessageIds.generate(5, "7", random));
    }

    @Test
    void rejectsAFullJidInsteadOfTheUserPart() {
        assertThatThrownBy(() -> MessageIds.generate(1L, "1234567890@s.whatsapp.net", SEVENS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsExactly16RandomBytes() {
        assertThatThrownBy(() -> MessageIds.generate(1L, null, new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesOnlyWebFormatIds() {
        assertThat(MessageIds.isWebFormat("3EB0D6DC90776C5F7A6857")).isTrue();
        assertThat(MessageIds.isWebFormat("3EB0d6dc90776c5f7a6857")).isFalse();
        assertThat(MessageIds.isWebFormat("3EB0D6DC90776C5F7A685")).isFalse();
        assertThat(MessageIds.isWebFormat("ABCDD6DC90776C5F7A6857")).isFalse();
        assertThat(MessageIds.isWebFormat("3EB0D6DC90776C5F7A685G")).isFalse();
        assertThat(MessageIds.isWebFormat(null)).isFalse();
    }

    @Test
    void derivesTheSameWebFormatIdFromTheSameSeedAndAnotherFromAnother() {
        String id = MessageIds.derive("15550001111@s.whatsapp.net|cmd-1");
        assertThat(MessageIds.isWebFormat(id)).isTrue();
        assertThat(MessageIds.derive("15550001111@s.whatsapp.net|cmd-1")).isEqualTo(id);
        assertThat(MessageIds.derive("15550001111@s.whatsapp.net|cmd-2")).isNotEqualTo(id);
        assertThat(MessageIds.derive("15550002222@s.whatsapp.net|cmd-1")).isNotEqualTo(id);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
