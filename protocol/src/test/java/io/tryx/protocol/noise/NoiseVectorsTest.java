package io.tryx.protocol.noise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.cert.CertDetails;
import io.tryx.protocol.cert.CertificateAuthority;
import io.tryx.protocol.cert.VerifiedCertChain;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.interop.NodePeer;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers from {@code vectors/noise-handshake.json}, made by Baileys' own client and a node
 * responder ({@code gen-noise-vectors.mjs}) from fixed keys. Both our roles must reproduce every byte of
 * the transcript. Only the last test needs node: it regenerates the file and compares.
 */
class NoiseVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode vectors = load();

    @Test
    void ourIssuerReproducesTheCertificateChainByteForByte() {
        JsonNode certs = vectors.get("certificates");
        NoiseCertificate intermediate = CertificateAuthority.sign(keyPair("root"), details(certs.get("intermediate")),
                new FixedRandom(hex(certs.get("intermediate"), "signatureRandom")));
        NoiseCertificate leaf = CertificateAuthority.sign(keyPair("intermediate"), details(certs.get("leaf")),
                new FixedRandom(hex(certs.get("leaf"), "signatureRandom")));
        assertThat(intermediate.getSignature().toByteArray()).isEqualTo(hex(certs.get("intermediate"), "signature"));
        assertThat(CertificateAuthority.chain(leaf, intermediate).toByteArray()).isEqualTo(hex(certs, "chain"));

        VerifiedCertChain verified = verifier().verify(hex(certs, "chain"), keyPair("serverStatic").publicKey());
        assertThat(verified.leaf().serial()).isEqualTo(certs.get("leaf").get("serial").asLong());
    }

    @Test
    void ourClientReproducesBaileysMessagesAgainstTheRecordedServer() {
        JsonNode wire = vectors.get("wire");
        ConnectionHeader header = ConnectionHeader.routed(hex(vectors, "routingInfo"));
        NoiseClientHandshake client = new NoiseClientHandshake(header, keyPair("clientEphemeral"), keyPair("clientStatic"), verifier());
        FrameEncoder out = FrameEncoder.withConnectionHeader(header);
        FrameDecoder in = FrameDecoder.forServerStream(FrameDecoder.MAX_FRAME_SIZE);

        assertThat(HEX.formatHex(out.encode(client.writeClientHello()))).isEqualTo(wire.get("clientHello").asText());
        client.readServerHello(in.decode(hex(wire, "serverHello")).get(0));
        assertThat(client.serverStaticKey()).isEqualTo(keyPair("serverStatic").publicKey());
        assertThat(HEX.formatHex(out.encode(client.writeClientFinish(hex(vectors, "clientPayload")))))
                .isEqualTo(wire.get("clientFinish").asText());
        assertThat(HEX.formatHex(client.handshakeHash())).isEqualTo(vectors.get("handshakeHash").asText());

        NoiseSession session = new NoiseSession(client.split(), out, in);
        for (JsonNode frame : vectors.get("transport").get("clientToServer")) {
            assertThat(HEX.formatHex(session.seal(hex(frame, "plaintext")))).isEqualTo(frame.get("wire").asText());
        }
        for (JsonNode frame : vectors.get("transport").get("serverToClient")) {
            assertThat(session.open(hex(frame, "wire"))).containsExactly(hex(frame, "plaintext"));
        }
    }

    @Test
    void ourServerReproducesTheRecordedServerAgainstBaileysMessages() {
        JsonNode wire = vectors.get("wire");
        FrameDecoder in = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
        FrameEncoder out = FrameEncoder.framesOnly();
        List<byte[]> hello = in.decode(hex(wire, "clientHello"));
        assertThat(in.connectionHeader().routingInfo()).isEqualTo(hex(vectors, "routingInfo"));
        NoiseServerHandshake server = new NoiseServerHandshake(in.connectionHeader(), keyPair("serverEphemeral"),
                keyPair("serverStatic"), hex(vectors.get("certificates"), "chain"));

        server.readClientHello(hello.get(0));
        assertThat(HEX.formatHex(out.encode(server.writeServerHello()))).isEqualTo(wire.get("serverHello").asText());
        AuthenticatedClient client = server.readClientFinish(in.decode(hex(wire, "clientFinish")).get(0));
        assertThat(client.staticKey()).isEqualTo(keyPair("clientStatic").publicKey());
        assertThat(client.payload()).isEqualTo(hex(vectors, "clientPayload"));
        assertThat(HEX.formatHex(server.handshakeHash())).isEqualTo(vectors.get("handshakeHash").asText());

        NoiseSession session = new NoiseSession(server.split(), out, in);
        for (JsonNode frame : vectors.get("transport").get("clientToServer")) {
            assertThat(session.open(hex(frame, "wire"))).containsExactly(hex(frame, "plaintext"));
        }
        for (JsonNode frame : vectors.get("transport").get("serverToClient")) {
            assertThat(HEX.formatHex(session.seal(hex(frame, "plaintext")))).isEqualTo(frame.get("wire").asText());
        }
    }

    @Test
    void committedVectorsAreWhatTheGeneratorProduces() throws IOException {
        String regenerated = NodePeer.runText("gen-noise-vectors.mjs", "");
        assertThat(JSON.readTree(regenerated)).isEqualTo(vectors);
    }

    private CertChainVerifier verifier() {
        JsonNode certs = vectors.get("certificates");
        return new CertChainVerifier(keyPair("root").publicKey(),
                InstantSource.fixed(Instant.ofEpochSecond(certs.get("verifyAt").asLong())));
    }

    private KeyPair keyPair(String name) {
        JsonNode pair = vectors.get("keys").get(name);
        KeyPair keyPair = Curve25519.keyPairFromPrivate(hex(pair, "private"));
        assertThat(HEX.formatHex(keyPair.publicKey())).as("public key of %s", name).isEqualTo(pair.get("public").asText());
        return keyPair;
    }

    private static CertDetails details(JsonNode node) {
        return new CertDetails(node.get("serial").asLong(), node.get("issuerSerial").asLong(), hex(node, "key"),
                node.get("notBefore").asLong(), node.get("notAfter").asLong());
    }

    private static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }

    private static JsonNode load() {
        try (InputStream in = NoiseVectorsTest.class.getResourceAsStream("/vectors/noise-handshake.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands out exactly the recorded signature randomness. */
    private record FixedRandom(byte[] bytes) implements RandomGenerator {
        @Override
        public void nextBytes(byte[] out) {
            assertThat(out).hasSameSizeAs(bytes);
            System.arraycopy(bytes, 0, out, 0, out.length);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextBytes is expected");
        }
    }
}
