package io.tryx.protocol.cert;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.interop.JsonPeer;
import io.tryx.protocol.proto.CertProto.CertChain;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chains from our {@link CertificateAuthority}, decoded by Baileys' protobuf classes and their XEdDSA
 * signatures checked by libsignal@6 ({@code cert-chain-peer.mjs}): Baileys' own handshake never fails a
 * signature, so this is where our signatures are proven.
 */
class CertLibsignalInteropTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void libsignalVerifiesBothSignaturesAndReadsTheSameDetails() {
        try (JsonPeer peer = new JsonPeer("cert-chain-peer.mjs")) {
            for (int i = 0; i < 25; i++) {
                long intermediateSerial = random.nextLong(1, 0xFFFF_FFFFL);
                Instant from = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));
                Instant until = from.plusSeconds(random.nextLong(0, 1_000_000_000L));
                CertificateAuthority ca = CertificateAuthority.generate(random, intermediateSerial, from, until);
                KeyPair server = Curve25519.generateKeyPair();
                long leafSerial = random.nextLong(0, 0xFFFF_FFFFL);
                byte[] chain = ca.issue(server.publicKey(), leafSerial, from, until).toByteArray();

                JsonNode answer = peer.ok("inspect", "chain", chain, "root", ca.rootPublicKey());
                assertThat(answer.get("intermediateSignedByRoot").asBoolean()).as("intermediate #%d", i).isTrue();
                assertThat(answer.get("leafSignedByIntermediate").asBoolean()).as("leaf #%d", i).isTrue();
                JsonNode intermediate = answer.get("intermediate");
                assertThat(intermediate.get("issuerSerial").isNull()).as("issuer serial present").isFalse();
                assertThat(intermediate.get("issuerSerial").asLong()).isZero();
                assertThat(intermediate.get("serial").asLong()).isEqualTo(intermediateSerial);
                assertThat(intermediate.get("key").asText()).isEqualTo(JsonPeer.HEX.formatHex(ca.intermediate().key()));
                assertThat(intermediate.get("notBefore").asText()).isEqualTo(Long.toString(from.getEpochSecond()));
                JsonNode leaf = answer.get("leaf");
                assertThat(leaf.get("serial").asLong()).isEqualTo(leafSerial);
                assertThat(leaf.get("issuerSerial").asLong()).isEqualTo(intermediateSerial);
                assertThat(leaf.get("key").asText()).isEqualTo(JsonPeer.HEX.formatHex(server.publicKey()));
                assertThat(leaf.get("notAfter").asText()).isEqualTo(Long.toString(until.getEpochSecond()));
            }
        }
    }

    @Test
    void libsignalRejectsATamperedSignatureOrAnotherRoot() throws Exception {
        try (JsonPeer peer = new JsonPeer("cert-chain-peer.mjs")) {
            CertificateAuthority ca = CertificateAuthority.generate(random, 5, Instant.EPOCH, Instant.EPOCH);
            CertChain chain = ca.issue(Curve25519.generateKeyPair().publicKey(), 1, Instant.EPOCH, Instant.EPOCH);
            byte[] signature = chain.getLeaf().getSignature().toByteArray();
            signature[5] ^= 0x20;
            CertChain tampered = chain.toBuilder().setLeaf(chain.getLeaf().toBuilder()
                    .setSignature(ByteString.copyFrom(signature))).build();

            JsonNode answer = peer.ok("inspect", "chain", tampered.toByteArray(), "root", Curve25519.generateKeyPair().publicKey());
            assertThat(answer.get("intermediateSignedByRoot").asBoolean()).isFalse();
            assertThat(answer.get("leafSignedByIntermediate").asBoolean()).isFalse();
        }
    }
}
