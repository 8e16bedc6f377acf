package io.tryx.protocol.crypto;

import io.tryx.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymmetricCryptoTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869CaseOne() {
        byte[] okm = Hkdf.derive(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HEX.formatHex(okm)).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void hkdfWithoutSaltMatchesRfc5869CaseThree() {
        byte[] okm = Hkdf.derive(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), null, new byte[0], 42);
        assertThat(HEX.formatHex(okm)).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void pbkdf2MatchesRfc7914Vector() {
        byte[] key = Pbkdf2.sha256("passwd".getBytes(StandardCharsets.US_ASCII),
                "salt".getBytes(StandardCharsets.US_ASCII), 1, 64);
        assertThat(HEX.formatHex(key)).isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }

    @Test
    void gcmRoundTripsAndRejectsTampering() {
        AesGcm gcm = new AesGcm(new byte[32]);
        byte[] nonce = new byte[12];
        byte[] aad = {1, 2, 3};
        byte[] ciphertext = gcm.encrypt(nonce, aad, "frame".getBytes(StandardCharsets.UTF_8));
        assertThat(ciphertext).hasSize(5 + AesGcm.TAG_LENGTH);
        assertThat(new String(gcm.decrypt(nonce, aad, ciphertext), StandardCharsets.UTF_8)).isEqualTo("frame");

        byte[] tampered = ciphertext.clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> gcm.decrypt(nonce, aad, tampered))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason())
                .isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
        assertThatThrownBy(() -> gcm.decrypt(nonce, new byte[0], ciphertext)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> gcm.decrypt(nonce, aad, new byte[5]))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason())
                .isEqualTo(ProtocolException.Reason.TRUNCATED);
    }

    @Test
    void cbcRoundTripsAndRejectsBadPadding() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        byte[] ciphertext = Aes.cbcEncrypt(key, iv, "media bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(Aes.cbcDecrypt(key, iv, ciphertext), StandardCharsets.UTF_8)).isEqualTo("media bytes");
        assertThatThrownBy(() -> Aes.cbcDecrypt(key, iv, new byte[15])).isInstanceOf(ProtocolException.class);
        byte[] wrongKey = new byte[32];
        wrongKey[0] = 1;
        assertThatThrownBy(() -> Aes.cbcDecrypt(wrongKey, iv, ciphertext)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void ctrIsItsOwnInverse() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        byte[] data = "pair code bundle".getBytes(StandardCharsets.UTF_8);
        assertThat(Aes.ctr(key, iv, Aes.ctr(key, iv, data))).isEqualTo(data);
    }

    @Test
    void constantTimeEqualsComparesContentAndLength() {
        assertThat(ConstantTime.equals(new byte[]{1, 2}, new byte[]{1, 2})).isTrue();
        assertThat(ConstantTime.equals(new byte[]{1, 2}, new byte[]{1, 3})).isFalse();
        assertThat(ConstantTime.equals(new byte[]{1, 2}, new byte[]{1})).isFalse();
    }
}
