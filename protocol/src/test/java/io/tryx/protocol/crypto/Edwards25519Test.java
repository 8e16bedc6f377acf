package io.tryx.protocol.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Edwards25519Test {

    @Test
    void oneTimesBaseIsTheStandardBasePointEncoding() {
        byte[] one = new byte[32];
        one[0] = 1;
        assertThat(HexFormat.of().formatHex(Edwards25519.scalarMultBaseEncoded(one)))
                .isEqualTo("5866666666666666666666666666666666666666666666666666666666666666");
    }

    @Test
    void combAgreesWithTheMontgomeryLadderOnTheYCoordinate() {
        Random random = new Random(77);
        for (int i = 0; i < 200; i++) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            X25519.clampPrivateKey(k);
            byte[] u = new byte[32];
            X25519.scalarMultBase(k, 0, u, 0);
            byte[] edwards = Edwards25519.scalarMultBaseEncoded(k);
            edwards[31] &= 0x7F;
            assertThat(edwards).isEqualTo(Edwards25519.montgomeryToEdwardsY(u));
        }
    }
}
