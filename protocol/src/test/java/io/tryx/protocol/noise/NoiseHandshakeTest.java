package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.cert.CertDetails;
import io.tryx.protocol.cert.CertificateAuthority;
import io.tryx.protocol.cert.VerifiedCertChain;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.CertProto.CertChain;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our client role against our server role, in memory, through the real framing. */
class NoiseHandshakeTest {

    private final SplittableRandom random = new SplittableRandom(11);
    private final TestPki pki = TestPki.create(1);

    @Test
    void clientAndServerAgreeOverRoutedFramesAndExchangeManyFramesEachWay() {
        byte[] routing = bytes(23);
        Connected c = connect(ConnectionHeader.routed(routing), pki.verifier());

        assertThat(c.serverHeader.routingInfo()).isEqualTo(routing);
        assertThat(c.client.staticKey()).isEqualTo(c.clientNoiseKey.publicKey());
        assertThat(c.client.payload()).isEqualTo(c.payload);
        assertThat(c.chain.leaf().key()).isEqualTo(pki.serverStatic().publicKey());
        assertThat(c.chain.leaf().issuerSerial()).isEqualTo(c.chain.intermediate().serial());

        List<byte[]> sent = new ArrayList<>();
        ByteStream toServer = new ByteStream();
        ByteStream toClient = new ByteStream();
        List<byte[]> serverSent = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            byte[] plaintext = bytes(size(i));
            sent.add(plaintext);
            toServer.write(c.clientSession.seal(plaintext));
            byte[] reply = bytes(size(i + 7));
            serverSent.add(reply);
            toClient.write(c.serverSession.seal(reply));
        }
        List<byte[]> serverReceived = toServer.drainInFragments(random, c.serverSession::open);
        List<byte[]> clientReceived = toClient.drainInFragments(random, c.clientSession::open);

        assertThat(serverReceived).containsExactlyElementsOf(sent);
        assertThat(clientReceived).containsExactlyElementsOf(serverSent);
        assertThat(c.clientSession.cipher().sentFrames()).isEqualTo(120);
        assertThat(c.serverSession.cipher().receivedFrames()).isEqualTo(120);
    }

    @Test
    void plainHeaderHandshakeCarriesNoRoutingInfo() {
        Connected c = connect(ConnectionHeader.plain(), pki.verifier());
        assertThat(c.serverHeader.hasRoutingInfo()).isFalse();
        byte[] ping = bytes(5);
        assertThat(c.serverSession.open(c.clientSession.seal(ping))).containsExactly(ping);
    }

    @Test
    void handshakeHashesAgreeOnBothSides() {
        NoiseServerHandshake server = server(ConnectionHeader.plain(), pki.certChain());
        NoiseClientHandshake client = client(ConnectionHeader.plain(), pki.verifier());
        server.readClientHello(client.writeClientHello());
        client.readServerHello(server.writeServerHello());
        server.readClientFinish(client.writeClientFinish(bytes(10)));
        assertThat(client.handshakeHash()).isEqualTo(server.handshakeHash());
    }

    @Test
    void clientTrustingAnotherRootRejectsTheServer() {
        TestPki other = TestPki.create(2);
        assertHelloRejected(ConnectionHeader.plain(), pki.certChain(), other.verifier(), Reason.INVALID_CERTIFICATE,
                "not signed by the trusted root");
    }

    @Test
    void productionRootRejectsSimulatorCertificates() {
        assertHelloRejected(ConnectionHeader.plain(), pki.certChain(), CertChainVerifier.whatsApp(pki.clock()),
                Reason.INVALID_CERTIFICATE, "trusted root");
    }

    @Test
    void leafForAnotherKeyIsRejected() {
        byte[] chain = pki.ca().issue(TestPki.keyPair(random).publicKey(), 1, TestPki.NOW.minusSeconds(10),
                TestPki.NOW.plusSeconds(10)).toByteArray();
        assertHelloRejected(ConnectionHeader.plain(), chain, pki.verifier(), Reason.INVALID_CERTIFICATE,
                "leaf key does not match");
    }

    @Test
    void expiredLeafIsRejected() {
        byte[] chain = pki.ca().issue(pki.serverStatic().publicKey(), 1, TestPki.NOW.minusSeconds(100),
                TestPki.NOW.minusSeconds(1)).toByteArray();
        assertHelloRejected(ConnectionHeader.plain(), chain, pki.verifier(), Reason.INVALID_CERTIFICATE, "leaf certificate expired");
    }

    @Test
    void notYetValidLeafIsRejected() {
        byte[] chain = pki.ca().issue(pki.serverStatic().publicKey(), 1, TestPki.NOW.plusSeconds(1),
                TestPki.NOW.plusSeconds(100)).toByteArray();
        assertHelloRejected(ConnectionHeader.plain(), chain, pki.verifier(), Reason.INVALID_CERTIFICATE, "not valid before");
    }

    @Test
    void intermediateNotIssuedUnderTheRootSerialIsRejected() throws Exception {
        CertDetails details = new CertDetails(TestPki.INTERMEDIATE_SERIAL, 1, pki.ca().intermediateKey().publicKey(),
                0, TestPki.NOW.plusSeconds(60).getEpochSecond());
        NoiseCertificate intermediate = CertificateAuthority.sign(pki.root(), details, random);
        byte[] chain = CertificateAuthority.chain(CertChain.parseFrom(pki.certChain()).getLeaf(), intermediate).toByteArray();
        assertHelloRejected(ConnectionHeader.plain(), chain, pki.verifier(), Reason.INVALID_CERTIFICATE,
                "intermediate issuer serial 1, expected 0");
    }

    @Test
    void leafIssuedUnderAnotherIntermediateSerialIsRejected() throws Exception {
        CertDetails details = new CertDetails(5, TestPki.INTERMEDIATE_SERIAL + 1, pki.serverStatic().publicKey(),
                0, TestPki.NOW.plusSeconds(60).getEpochSecond());
        NoiseCertificate leaf = CertificateAuthority.sign(pki.ca().intermediateKey(), details, random);
        byte[] chain = CertificateAuthority.chain(leaf, CertChain.parseFrom(pki.certChain()).getIntermediate()).toByteArray();
        assertHelloRejected(ConnectionHeader.plain(), chain, pki.verifier(), Reason.INVALID_CERTIFICATE,
                "leaf issuer serial 8, expected the intermediate's serial 7");
    }

    @Test
    void tamperedServerHelloFailsAuthentication() {
        NoiseServerHandshake server = server(ConnectionHeader.plain(), pki.certChain());
        NoiseClientHandshake client = client(ConnectionHeader.plain(), pki.verifier());
        server.readClientHello(client.writeClientHello());
        byte[] hello = server.writeServerHello();
        hello[hello.length - 3] ^= 0x01;
        assertThatThrownBy(() -> client.readServerHello(hello))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> client.writeClientFinish(new byte[0]))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HANDSHAKE_FAILED));
    }

    @Test
    void tamperedClientFinishFailsAuthentication() {
        NoiseServerHandshake server = server(ConnectionHeader.plain(), pki.certChain());
        NoiseClientHandshake client = client(ConnectionHeader.plain(), pki.verifier());
        server.readClientHello(client.writeClientHello());
        client.readServerHello(server.writeServerHello());
        byte[] finish = client.writeClientFinish(bytes(40));
        finish[finish.length - 1] ^= (byte) 0x80;
        assertThatThrownBy(() -> server.readClientFinish(finish))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void routingInfoIsNotPartOfTheHandshakeHash() {
        NoiseServerHandshake server = server(ConnectionHeader.routed(new byte[] {1}), pki.certChain());
        NoiseClientHandshake client = client(ConnectionHeader.plain(), pki.verifier());
        server.readClientHello(client.writeClientHello());
        // as in Baileys, only the W A 6 3 prologue is hashed; the edge-routing block is for the proxy
        byte[] hello = server.writeServerHello();
        assertThat(client.readServerHello(hello).leaf().key()).isEqualTo(pki.serverStatic().publicKey());
    }

    @Test
    void tamperedTransportFrameFailsAuthenticationAndCounterStays() {
        Connected c = connect(ConnectionHeader.plain(), pki.verifier());
        byte[] wire = c.clientSession.seal(bytes(100));
        wire[50] ^= 0x10;
        assertThatThrownBy(() -> c.serverSession.open(wire))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        assertThat(c.serverSession.cipher().receivedFrames()).isZero();
    }

    @Test
    void replayedOrReorderedFramesFail() {
        Connected c = connect(ConnectionHeader.plain(), pki.verifier());
        byte[] first = c.clientSession.cipher().encrypt(bytes(8));
        byte[] second = c.clientSession.cipher().encrypt(bytes(8));
        assertThatThrownBy(() -> c.serverSession.cipher().decrypt(second)).isInstanceOf(ProtocolException.class);
        c.serverSession.cipher().decrypt(first);
        assertThatThrownBy(() -> c.serverSession.cipher().decrypt(first)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        NoiseServerHandshake server = server(ConnectionHeader.plain(), pki.certChain());
        NoiseClientHandshake client = client(ConnectionHeader.plain(), pki.verifier());
        assertThatThrownBy(server::writeServerHello).hasMessageContaining("HANDSHAKE_FAILED");
        assertThatThrownBy(() -> client.readServerHello(new byte[0])).hasMessageContaining("HANDSHAKE_FAILED");
        assertThatThrownBy(client::split).hasMessageContaining("HANDSHAKE_FAILED");
        byte[] hello = client.writeClientHello();
        assertThatThrownBy(client::writeClientHello).hasMessageContaining("HANDSHAKE_FAILED");
        assertThatThrownBy(() -> server.readClientFinish(hello)).hasMessageContaining("HANDSHAKE_FAILED");
        server.readClientHello(hello);
        assertThatThrownBy(() -> client.readServerHello(hello))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HANDSHAKE_FAILED));
    }

    @Test
    void exhaustedCountersAreRefused() {
        byte[] key = bytes(32);
        TransportCipher sender = new TransportCipher(key, key, TransportCipher.MAX_FRAMES - 1, TransportCipher.MAX_FRAMES - 1);
        TransportCipher receiver = new TransportCipher(key, key, TransportCipher.MAX_FRAMES - 1, TransportCipher.MAX_FRAMES - 1);
        byte[] last = sender.encrypt(bytes(3));
        assertThat(receiver.decrypt(last)).hasSize(3);
        assertThatThrownBy(() -> sender.encrypt(bytes(3)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> receiver.decrypt(last))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    // ---- helpers

    private record Connected(NoiseSession clientSession, NoiseSession serverSession, AuthenticatedClient client,
                             VerifiedCertChain chain, ConnectionHeader serverHeader, KeyPair clientNoiseKey, byte[] payload) {
    }

    /** Runs the handshake over real frames, feeding the server the client's bytes one at a time. */
    private Connected connect(ConnectionHeader header, CertChainVerifier verifier) {
        KeyPair noiseKey = TestPki.keyPair(random);
        NoiseClientHandshake client = new NoiseClientHandshake(header, TestPki.keyPair(random), noiseKey, verifier);
        FrameEncoder clientOut = FrameEncoder.withConnectionHeader(header);
        FrameDecoder clientIn = FrameDecoder.forServerStream(FrameDecoder.MAX_FRAME_SIZE);
        FrameEncoder serverOut = FrameEncoder.framesOnly();
        FrameDecoder serverIn = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);

        List<byte[]> helloFrames = byteByByte(serverIn, clientOut.encode(client.writeClientHello()));
        assertThat(helloFrames).hasSize(1);
        ConnectionHeader received = serverIn.connectionHeader();
        NoiseServerHandshake server = new NoiseServerHandshake(received, TestPki.keyPair(random), pki.serverStatic(), pki.certChain());
        server.readClientHello(helloFrames.get(0));

        VerifiedCertChain chain = client.readServerHello(single(clientIn.decode(serverOut.encode(server.writeServerHello()))));
        byte[] payload = bytes(77);
        AuthenticatedClient authenticated = server.readClientFinish(
                single(serverIn.decode(clientOut.encode(client.writeClientFinish(payload)))));
        return new Connected(new NoiseSession(client.split(), clientOut, clientIn),
                new NoiseSession(server.split(), serverOut, serverIn), authenticated, chain, received, noiseKey, payload);
    }

    private void assertHelloRejected(ConnectionHeader header, byte[] chain, CertChainVerifier verifier, Reason reason, String message) {
        NoiseServerHandshake server = server(header, chain);
        NoiseClientHandshake client = client(header, verifier);
        server.readClientHello(client.writeClientHello());
        byte[] hello = server.writeServerHello();
        assertThatThrownBy(() -> client.readServerHello(hello))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private NoiseServerHandshake server(ConnectionHeader header, byte[] chain) {
        return new NoiseServerHandshake(header, TestPki.keyPair(random), pki.serverStatic(), chain);
    }

    private NoiseClientHandshake client(ConnectionHeader header, CertChainVerifier verifier) {
        return new NoiseClientHandshake(header, TestPki.keyPair(random), TestPki.keyPair(random), verifier);
    }

    private static List<byte[]> byteByByte(FrameDecoder decoder, byte[] wire) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            decoder.decode(wire, i, 1, frames::add);
        }
        return frames;
    }

    private static byte[] single(List<byte[]> frames) {
        assertThat(frames).hasSize(1);
        return frames.get(0);
    }

    private static int size(int i) {
        return switch (i % 10) {
            case 0 -> 0;
            case 1 -> 65_536;
            case 2 -> 1;
            case 3 -> 4096;
            default -> (i * 131) % 3000;
        };
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
