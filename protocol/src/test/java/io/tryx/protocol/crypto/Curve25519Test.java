package io.tryx.protocol.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Curve25519Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void x25519MatchesRfc7748Vector() {
        byte[] alicePrivate = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPublic = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        KeyPair alice = Curve25519.keyPairFromPrivate(alicePrivate);

        assertThat(HEX.formatHex(alice.publicKey()))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(Curve25519.sharedSecret(alice.privateKey(), bobPublic)))
                .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }

    @Test
    void agreementIsSymmetric() {
        KeyPair a = Curve25519.generateKeyPair();
        KeyPair b = Curve25519.generateKeyPair();
        assertThat(Curve25519.sharedSecret(a.privateKey(), b.publicKey()))
                .isEqualTo(Curve25519.sharedSecret(b.privateKey(), a.publicKey()));
    }

    @Test
    void smallOrderPeerKeyIsRefused() {
        KeyPair a = Curve25519.generateKeyPair();
        assertThatThrownBy(() -> Curve25519.sharedSecret(a.privateKey(), new byte[32]))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.MALFORMED);
    }

    @Test
    void wrongKeyLengthIsTyped() {
        assertThatThrownBy(() -> Curve25519.keyPairFromPrivate(new byte[31]))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void signatureVerifiesAndRejectsAnyChange() {
        KeyPair pair = Curve25519.generateKeyPair();
        byte[] message = "signed prekey".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Curve25519.sign(pair.privateKey(), message);

        assertThat(Curve25519.verify(pair.publicKey(), message, signature)).isTrue();

        byte[] otherMessage = message.clone();
        otherMessage[0] ^= 1;
        assertThat(Curve25519.verify(pair.publicKey(), otherMessage, signature)).isFalse();
        for (int i = 0; i < 64; i += 7) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x10;
            assertThat(Curve25519.verify(pair.publicKey(), message, flipped)).as("bit flip at %d", i).isFalse();
        }
        assertThat(Curve25519.verify(Curve25519.generateKeyPair().publicKey(), message, signature)).isFalse();
        assertThat(Curve25519.verify(pair.publicKey(), message, new byte[63])).isFalse();
    }

    @Test
    void signaturesMatchLibsignalKnownAnswers() throws IOException {
        JsonNode vectors = readVectors().get("vectors");
        assertThat(vectors.size()).isGreaterThanOrEqualTo(20);
        for (JsonNode v : vectors) {
            byte[] privateKey = HEX.parseHex(v.get("private").asText());
            KeyPair pair = Curve25519.keyPairFromPrivate(privateKey);
            byte[] message = HEX.parseHex(v.get("message").asText());
            byte[] expectedSignature = HEX.parseHex(v.get("signature").asText());

            assertThat(HEX.formatHex(pair.publicKey())).isEqualTo(v.get("public").asText());
            assertThat(HEX.formatHex(Curve25519.sharedSecret(pair.privateKey(), HEX.parseHex(v.get("peerPublic").asText()))))
                    .isEqualTo(v.get("agreement").asText());
            assertThat(Curve25519.sign(privateKey, message, HEX.parseHex(v.get("random").asText())))
                    .isEqualTo(expectedSignature);
            assertThat(Curve25519.verify(pair.publicKey(), message, expectedSignature)).isTrue();
        }
    }

    static JsonNode readVectors() throws IOException {
        try (InputStream in = Curve25519Test.class.getResourceAsStream("/vectors/curve25519.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
