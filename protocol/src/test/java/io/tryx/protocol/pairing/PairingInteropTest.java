package io.tryx.protocol.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.interop.JsonPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Pair-code and QR derivations agree with Baileys' own helpers (and whatsapp-rust's HKDF behind them). */
class PairingInteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static JsonPeer peer;
    private final Random random = new Random(17);

    @BeforeAll
    static void start() {
        peer = new JsonPeer("pairing-peer.mjs");
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void pairCodesEncodeLikeBaileys() {
        for (int i = 0; i < 200; i++) {
            byte[] five = bytes(5);
            assertThat(PairCode.fromRandom(five).value()).isEqualTo(call("crockford", "bytes", five).get("code").asText());
        }
    }

    @Test
    void ephemeralKeysWrapAndUnwrapAcrossImplementations() {
        for (int i = 0; i < 3; i++) {
            PairCode code = PairCode.fromRandom(bytes(5));
            byte[] ephemeral = Curve25519.generateKeyPair().publicKey();
            byte[] salt = bytes(32);
            byte[] iv = bytes(16);
            byte[] ours = code.wrap(ephemeral, salt, iv);
            assertThat(HEX.formatHex(ours)).isEqualTo(call("wrap", "code", code.value(), "publicKey", ephemeral,
                    "salt", salt, "iv", iv).get("wrapped").asText());
            assertThat(call("unwrap", "code", code.value(), "wrapped", ours).get("publicKey").asText())
                    .isEqualTo(HEX.formatHex(ephemeral));
            assertThat(code.unwrap(ours)).isEqualTo(ephemeral);
        }
    }

    @Test
    void companionFinishBundleAndAdvSecretMatchBaileysAndOpenOnThePhone() {
        for (int i = 0; i < 10; i++) {
            KeyPair companionEphemeral = Curve25519.generateKeyPair();
            KeyPair companionIdentity = Curve25519.generateKeyPair();
            KeyPair primaryEphemeral = Curve25519.generateKeyPair();
            KeyPair primaryIdentity = Curve25519.generateKeyPair();
            byte[] random32 = bytes(32);
            byte[] salt = bytes(32);
            byte[] iv = bytes(12);

            LinkCodeBundle.CompanionFinish ours = LinkCodeBundle.companionFinish(companionEphemeral,
                    primaryEphemeral.publicKey(), companionIdentity, primaryIdentity.publicKey(), random32, salt, iv);
            JsonNode theirs = call("companionFinish", "ephemeralPrivate", companionEphemeral.privateKey(),
                    "primaryEphemeralPublic", primaryEphemeral.publicKey(), "identityPublic", companionIdentity.publicKey(),
                    "identityPrivate", companionIdentity.privateKey(), "primaryIdentityPublic", primaryIdentity.publicKey(),
                    "random", random32, "salt", salt, "iv", iv);
            assertThat(HEX.formatHex(ours.encryptedBundle())).isEqualTo(theirs.get("bundle").asText());
            assertThat(HEX.formatHex(ours.advSecret())).isEqualTo(theirs.get("advSecret").asText());

            LinkCodeBundle.PrimaryView phone = LinkCodeBundle.primaryOpen(primaryEphemeral,
                    companionEphemeral.publicKey(), primaryIdentity, HEX.parseHex(theirs.get("bundle").asText()));
            assertThat(phone.companionIdentityPublic()).isEqualTo(companionIdentity.publicKey());
            assertThat(phone.advSecret()).isEqualTo(ours.advSecret());
        }
    }

    /**
     * Baileys checks the HMAC and countersigns; its account-signature check ignores libsignal's boolean
     * result, so the account signature itself is proven by {@code CryptoInteropTest} (libsignal verifies
     * our XEdDSA), while Baileys' countersignature is checked here by our verifier.
     */
    @Test
    void deviceIdentitiesWeIssueAreAcceptedAndCountersignedByBaileys() {
        for (int i = 0; i < 10; i++) {
            KeyPair account = Curve25519.generateKeyPair();
            KeyPair companion = Curve25519.generateKeyPair();
            byte[] advSecret = bytes(32);
            byte[] issued = AdvPrimary.issue(account, companion.publicKey(), advSecret, 1000 + i, 1_764_000_000L, i + 1);

            JsonNode reply = call("pairSuccess", "deviceIdentity", issued, "advSecret", advSecret,
                    "identityPublic", companion.publicKey(), "identityPrivate", companion.privateKey());
            assertThat(reply.get("tag").asText()).isEqualTo("pair-device-sign");
            assertThat(reply.get("keyIndex").asText()).isEqualTo(Integer.toString(i + 1));
            byte[] theirs = HEX.parseHex(reply.get("signedIdentity").asText());
            assertThat(AdvPrimary.verifyCountersigned(theirs, account.publicKey(), companion.publicKey()).getKeyIndex())
                    .isEqualTo(i + 1);

            AdvCompanion.SignedIdentity ours = AdvCompanion.verifyAndSign(issued, advSecret, companion);
            assertThat(AdvPrimary.verifyCountersigned(ours.replyBytes(), account.publicKey(), companion.publicKey())
                    .getRawId()).isEqualTo(1000 + i);
        }
    }

    @Test
    void baileysRejectsAnIdentityForAnotherAdvSecretAsWeDo() {
        KeyPair account = Curve25519.generateKeyPair();
        KeyPair companion = Curve25519.generateKeyPair();
        byte[] issued = AdvPrimary.issue(account, companion.publicKey(), bytes(32), 1, 1L, 1);
        byte[] otherSecret = bytes(32);
        assertThat(peer.call("pairSuccess", "deviceIdentity", issued, "advSecret", otherSecret,
                "identityPublic", companion.publicKey(), "identityPrivate", companion.privateKey()).has("error")).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdvCompanion.verifyAndSign(issued, otherSecret, companion))
                .isInstanceOf(io.tryx.protocol.ProtocolException.class);
    }

    @Test
    void qrTextMatchesBaileys() {
        QrPayload qr = new QrPayload("2@abc/def==", bytes(32), bytes(32), bytes(32), "1");
        String theirs = call("qr", "ref", "2@abc/def==", "noise", qr.noisePublic(), "identity", qr.identityPublic(),
                "adv", qr.advSecret(), "os", "Mac OS", "browser", "Chrome").get("qr").asText();
        assertThat(qr.encodeAsLink()).isEqualTo(theirs);
        QrPayload parsed = QrPayload.parse(theirs);
        assertThat(parsed.ref()).isEqualTo(qr.ref());
        assertThat(parsed.advSecret()).isEqualTo(qr.advSecret());
        assertThat(parsed.platform()).isEqualTo("1");
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
