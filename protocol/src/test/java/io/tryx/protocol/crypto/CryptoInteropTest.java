package io.tryx.protocol.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.interop.JsonPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our crypto against independent implementations: libsignal@6 (Curve25519, XEdDSA, as Baileys uses
 * it) and node's crypto (HKDF, PBKDF2, AES, HMAC). Every value travels through {@code crypto-peer.mjs}.
 */
class CryptoInteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static JsonPeer peer;
    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    static void startPeer() {
        peer = new JsonPeer("crypto-peer.mjs");
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void javaSignaturesVerifyInLibsignalAndTheirsInJava() {
        for (int i = 0; i < 60; i++) {
            KeyPair ours = Curve25519.generateKeyPair();
            byte[] message = bytes(i * 13 % 300);
            byte[] ourSignature = Curve25519.sign(ours.privateKey(), message);
            assertThat(call("verify", "public", ours.publicKey(), "message", message, "signature", ourSignature)
                    .get("valid").asBoolean()).as("libsignal verifies ours #%d", i).isTrue();

            JsonNode theirs = call("keypair");
            byte[] theirPublic = HEX.parseHex(theirs.get("public").asText());
            byte[] theirSignature = HEX.parseHex(call("sign", "private", HEX.parseHex(theirs.get("private").asText()),
                    "message", message).get("signature").asText());
            assertThat(Curve25519.verify(theirPublic, message, theirSignature)).as("we verify theirs #%d", i).isTrue();

            byte[] forged = ourSignature.clone();
            forged[i % 64] ^= 0x04;
            assertThat(call("verify", "public", ours.publicKey(), "message", message, "signature", forged)
                    .get("valid").asBoolean()).isFalse();
            assertThat(Curve25519.verify(theirPublic, bytes(3), theirSignature)).isFalse();
        }
    }

    @Test
    void signaturesWithTheSameRandomnessAreByteIdentical() {
        for (int i = 0; i < 30; i++) {
            byte[] privateKey = bytes(32);
            byte[] message = bytes(i * 5);
            byte[] noise = bytes(64);
            String theirs = call("signWithRandom", "private", privateKey, "message", message, "random", noise)
                    .get("signature").asText();
            assertThat(HEX.formatHex(Curve25519.sign(privateKey, message, noise))).isEqualTo(theirs);
        }
    }

    @Test
    void agreementsAndPublicKeysMatch() {
        for (int i = 0; i < 40; i++) {
            KeyPair ours = Curve25519.generateKeyPair();
            JsonNode theirs = call("keypair");
            byte[] theirPublic = HEX.parseHex(theirs.get("public").asText());
            byte[] theirPrivate = HEX.parseHex(theirs.get("private").asText());

            assertThat(HEX.formatHex(Curve25519.keyPairFromPrivate(theirPrivate).publicKey()))
                    .isEqualTo(theirs.get("public").asText());
            assertThat(call("publicOf", "private", ours.privateKey()).get("public").asText())
                    .isEqualTo(HEX.formatHex(ours.publicKey()));
            String theirSecret = call("agree", "private", theirPrivate, "public", ours.publicKey()).get("secret").asText();
            assertThat(HEX.formatHex(Curve25519.sharedSecret(ours.privateKey(), theirPublic))).isEqualTo(theirSecret);
        }
    }

    @Test
    void symmetricPrimitivesMatchNodeCrypto() {
        for (int i = 0; i < 20; i++) {
            byte[] ikm = bytes(32);
            byte[] salt = bytes(i % 3 == 0 ? 0 : 32);
            byte[] info = bytes(i);
            int length = 16 + i * 9;
            assertThat(HEX.formatHex(Hkdf.derive(ikm, salt, info, length)))
                    .isEqualTo(call("hkdf", "ikm", ikm, "salt", salt, "info", info, "length", length).get("okm").asText());

            byte[] key = bytes(32);
            byte[] nonce = bytes(12);
            byte[] aad = bytes(i);
            byte[] plaintext = bytes(i * 37);
            assertThat(HEX.formatHex(new AesGcm(key).encrypt(nonce, aad, plaintext))).isEqualTo(
                    call("gcmEncrypt", "key", key, "nonce", nonce, "aad", aad, "plaintext", plaintext).get("ciphertext").asText());

            byte[] iv = bytes(16);
            assertThat(HEX.formatHex(Aes.cbcEncrypt(key, iv, plaintext))).isEqualTo(
                    call("cbcEncrypt", "key", key, "iv", iv, "plaintext", plaintext).get("ciphertext").asText());
            assertThat(HEX.formatHex(Aes.ctr(key, iv, plaintext))).isEqualTo(
                    call("ctr", "key", key, "iv", iv, "input", plaintext).get("output").asText());

            assertThat(HEX.formatHex(Hmac.sha256(key, plaintext))).isEqualTo(
                    call("hmac", "algorithm", "sha256", "key", key, "data", plaintext).get("mac").asText());
            assertThat(HEX.formatHex(Hmac.sha512(key, plaintext))).isEqualTo(
                    call("hmac", "algorithm", "sha512", "key", key, "data", plaintext).get("mac").asText());
        }
    }

    @Test
    void pbkdf2WithPairCodeIterationsMatchesNode() {
        byte[] password = "ABCD1234".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] salt = bytes(32);
        assertThat(HEX.formatHex(Pbkdf2.sha256(password, salt, 131072, 32))).isEqualTo(
                call("pbkdf2", "password", password, "salt", salt, "iterations", 131072, "length", 32).get("key").asText());
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static JsonNode call(String op, Object... fields) {
        return peer.ok(op, fields);
    }
}
