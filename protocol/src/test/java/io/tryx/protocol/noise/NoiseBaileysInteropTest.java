package io.tryx.protocol.noise;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.tryx.protocol.cert.CertificateAuthority;
import io.tryx.protocol.interop.JsonPeer;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.proto.CertProto.CertChain;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate.Details;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baileys 7.0.0-rc14 as the client, unmodified ({@code makeNoiseHandler}, its {@code encodeFrame} and
 * {@code decodeFrame}), against our server role: the handshake completes with Baileys accepting our
 * certificate chain, we recover Baileys' static noise key and ClientPayload, and well over a hundred
 * encrypted frames go each way, cut into awkward fragments on both sides.
 */
class NoiseBaileysInteropTest {

    private static final int FRAMES = 120;
    private final SplittableRandom random = new SplittableRandom(5);
    private final TestPki pki = TestPki.create(3);

    @Test
    void baileysCompletesTheHandshakeWithEdgeRoutingAndExchangesFrames() {
        exchange(new byte[] {8, 8, 2, 1, 0x12, 0x34, 0x56, 0x78});
    }

    @Test
    void baileysCompletesTheHandshakeWithThePlainHeaderAndExchangesFrames() {
        exchange(null);
    }

    @Test
    void baileysRejectsAnIntermediateWithoutExplicitIssuerSerial() throws Exception {
        Details details = Details.newBuilder().setSerial(7)
                .setKey(ByteString.copyFrom(pki.ca().intermediateKey().publicKey()))
                .setNotBefore(0).setNotAfter(Long.MAX_VALUE).build();
        byte[] detailBytes = details.toByteArray();
        NoiseCertificate intermediate = NoiseCertificate.newBuilder().setDetails(ByteString.copyFrom(detailBytes))
                .setSignature(ByteString.copyFrom(Curve25519.sign(new byte[32], detailBytes))).build();
        CertChain good = CertChain.parseFrom(pki.certChain());
        byte[] chain = CertificateAuthority.chain(good.getLeaf(), intermediate).toByteArray();
        try (JsonPeer baileys = new JsonPeer("noise-client-peer.mjs")) {
            assertThat(runHandshake(baileys, null, chain).get("error").asText()).contains("certification match failed");
        }
    }

    @Test
    void baileysRejectsATamperedServerHello() {
        try (JsonPeer baileys = new JsonPeer("noise-client-peer.mjs")) {
            FrameDecoder serverIn = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
            byte[] clientHello = single(serverIn.decode(JsonPeer.bytes(baileys.ok("hello", "routingInfo", null), "wire")));
            NoiseServerHandshake server = new NoiseServerHandshake(serverIn.connectionHeader(), TestPki.keyPair(random),
                    pki.serverStatic(), pki.certChain());
            server.readClientHello(clientHello);
            byte[] hello = server.writeServerHello();
            hello[hello.length - 1] ^= 1;
            JsonNode answer = baileys.call("serverHello", "chunks", List.of(FrameEncoder.framesOnly().encode(hello)));
            assertThat(answer.path("error").asText()).contains("unable to authenticate data");
        }
    }

    private void exchange(byte[] routingInfo) {
        try (JsonPeer baileys = new JsonPeer("noise-client-peer.mjs")) {
            FrameDecoder serverIn = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
            FrameEncoder serverOut = FrameEncoder.framesOnly();

            JsonNode hello = baileys.ok("hello", "routingInfo", routingInfo);
            byte[] clientHello = single(decodeInFragments(serverIn, JsonPeer.bytes(hello, "wire")));
            assertThat(serverIn.connectionHeader().routingInfo()).isEqualTo(routingInfo == null ? new byte[0] : routingInfo);
            NoiseServerHandshake server = new NoiseServerHandshake(serverIn.connectionHeader(), TestPki.keyPair(random),
                    pki.serverStatic(), pki.certChain());
            server.readClientHello(clientHello);

            JsonNode finish = baileys.ok("serverHello", "chunks", fragments(serverOut.encode(server.writeServerHello())));
            AuthenticatedClient client = server.readClientFinish(single(decodeInFragments(serverIn, JsonPeer.bytes(finish, "wire"))));
            assertThat(client.staticKey()).isEqualTo(JsonPeer.bytes(finish, "static"));
            assertThat(client.payload()).isEqualTo(JsonPeer.bytes(finish, "payload")).isNotEmpty();
            NoiseSession session = new NoiseSession(server.split(), serverOut, serverIn);

            for (int round = 0; round < 2; round++) {
                int[] sizes = sizes(FRAMES / 2, round);
                JsonNode sent = baileys.ok("send", "sizes", sizes);
                List<byte[]> received = new ArrayList<>();
                byte[] wire = JsonPeer.bytes(sent, "wire");
                for (byte[] chunk : fragments(wire)) {
                    session.open(chunk, 0, chunk.length, received::add);
                }
                assertThat(received).containsExactlyElementsOf(JsonPeer.byteList(sent, "plaintexts"));

                List<byte[]> nodes = JsonPeer.byteList(baileys.ok("nodes", "sizes", sizes(FRAMES / 2, round + 1)), "plaintexts");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                nodes.forEach(node -> out.writeBytes(session.seal(node)));
                JsonNode decoded = baileys.ok("receive", "chunks", fragments(out.toByteArray()));
                assertThat(JsonPeer.byteList(decoded, "nodes")).containsExactlyElementsOf(nodes);
            }
            assertThat(session.cipher().receivedFrames()).isEqualTo(FRAMES);
            assertThat(session.cipher().sentFrames()).isEqualTo(FRAMES);
        }
    }

    private JsonNode runHandshake(JsonPeer baileys, byte[] routingInfo, byte[] chain) {
        FrameDecoder serverIn = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
        byte[] clientHello = single(serverIn.decode(JsonPeer.bytes(baileys.ok("hello", "routingInfo", routingInfo), "wire")));
        NoiseServerHandshake server = new NoiseServerHandshake(serverIn.connectionHeader(), TestPki.keyPair(random),
                pki.serverStatic(), chain);
        server.readClientHello(clientHello);
        return baileys.call("serverHello", "chunks", List.of(FrameEncoder.framesOnly().encode(server.writeServerHello())));
    }

    /** Sizes for one batch: empty, one byte, 64 KiB, 4 KiB and a spread of small and medium payloads. */
    private static int[] sizes(int count, int salt) {
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = switch ((i + salt) % 12) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 65_536;
                case 3 -> 4096;
                case 4 -> 65_000 + i;
                default -> (i * 977 + salt * 31) % 2500;
            };
        }
        return sizes;
    }

    private List<byte[]> decodeInFragments(FrameDecoder decoder, byte[] wire) {
        List<byte[]> frames = new ArrayList<>();
        for (byte[] chunk : fragments(wire)) {
            decoder.decode(chunk, 0, chunk.length, frames::add);
        }
        return frames;
    }

    /** Cuts wire bytes into fragments of one byte, a few bytes, or up to 100 KiB, at random. */
    private List<byte[]> fragments(byte[] wire) {
        List<byte[]> chunks = new ArrayList<>();
        for (int position = 0; position < wire.length; ) {
            int n = Math.min(wire.length - position, ByteStream.fragment(random));
            chunks.add(Arrays.copyOfRange(wire, position, position + n));
            position += n;
        }
        return chunks;
    }

    private static byte[] single(List<byte[]> frames) {
        assertThat(frames).hasSize(1);
        return frames.get(0);
    }

}
