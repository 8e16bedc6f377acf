package io.tryx.simulator;

import com.google.protobuf.ByteString;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeDecoder;
import io.tryx.protocol.binary.NodeEncoder;
import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.noise.ConnectionHeader;
import io.tryx.protocol.noise.FrameDecoder;
import io.tryx.protocol.noise.FrameEncoder;
import io.tryx.protocol.noise.NoiseClientHandshake;
import io.tryx.protocol.noise.NoiseSession;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.simulator.connection.ChatConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java client driving one {@link ChatConnection} through a {@link FakeTransport}: the real Noise client
 * handshake from the protocol core (trusting the simulator's root), then nodes both ways.
 */
public final class TestClient {

    public KeyPair noiseKey = Curve25519.generateKeyPair();
    public KeyPair identityKey = Curve25519.generateKeyPair();
    public final FakeTransport transport;
    public final ChatConnection connection;
    private final Harness harness;
    private final FrameEncoder encoder = FrameEncoder.withConnectionHeader(ConnectionHeader.plain());
    private final FrameDecoder decoder = FrameDecoder.forServerStream(FrameDecoder.MAX_FRAME_SIZE);
    private final List<Node> received = new ArrayList<>();
    private NoiseSession session;

    TestClient(Harness harness, long id) {
        this.harness = harness;
        this.transport = new FakeTransport(harness.clock);
        this.connection = new ChatConnection(id, harness.identity, transport, harness.handler);
        transport.attach(connection);
    }

    /** A registration payload (QR pairing). */
    public static ClientPayload registration() {
        return ClientPayload.newBuilder().setPassive(false).setPull(false)
                .setDevicePairingData(ClientPayload.DevicePairingRegistrationData.newBuilder()
                        .setERegid(ByteString.copyFrom(new byte[] {0, 0, 0, 1}))
                        .setEKeytype(ByteString.copyFrom(new byte[] {5})))
                .build();
    }

    /** A login payload for {@code phone:device}. */
    public static ClientPayload login(String phone, int device) {
        return ClientPayload.newBuilder().setUsername(Long.parseLong(phone)).setDevice(device)
                .setPassive(true).setPull(true).setUserAgent(WEB_USER_AGENT).build();
    }

    /** A login without a user agent, which the server refuses (409 bad user agent). */
    public static ClientPayload loginWithoutUserAgent(String phone, int device) {
        return login(phone, device).toBuilder().clearUserAgent().build();
    }

    private static final io.tryx.protocol.proto.HandshakeProto.ClientPayload.UserAgent WEB_USER_AGENT =
            io.tryx.protocol.proto.HandshakeProto.ClientPayload.UserAgent.newBuilder()
                    .setPlatform(io.tryx.protocol.proto.HandshakeProto.ClientPayload.UserAgent.Platform.WEB)
                    .setAppVersion(io.tryx.protocol.proto.HandshakeProto.ClientPayload.UserAgent.AppVersion.newBuilder()
                            .setPrimary(2).setSecondary(3000).setTertiary(1))
                    .build();

    /** Uses another client's keys (the same device connecting again). */
    public void useKeysOf(TestClient other) {
        this.noiseKey = other.noiseKey;
        this.identityKey = other.identityKey;
    }

    /** Runs the Noise handshake ending with this payload. */
    public TestClient handshake(ClientPayload payload) {
        NoiseClientHandshake client = new NoiseClientHandshake(ConnectionHeader.plain(), Curve25519.generateKeyPair(),
                noiseKey, new CertChainVerifier(harness.identity.rootPublicKey(), harness.clock));
        connection.onBytes(encoder.encode(client.writeClientHello()));
        List<byte[]> frames = new ArrayList<>();
        transport.drain().forEach(bytes -> frames.addAll(decoder.decode(bytes)));
        client.readServerHello(frames.getFirst());
        byte[] finish = client.writeClientFinish(payload.toByteArray());
        session = new NoiseSession(client.split(), encoder, decoder);
        connection.onBytes(encoder.encode(finish));
        return this;
    }

    public void send(Node node) {
        connection.onBytes(session.seal(NodeEncoder.encode(node)));
    }

    /** Sends raw plaintext as one encrypted frame (for malformed input). */
    public void sendRaw(byte[] plaintext) {
        connection.onBytes(session.seal(plaintext));
    }

    /** Every node received so far. */
    public List<Node> received() {
        for (byte[] bytes : transport.drain()) {
            session.open(bytes).forEach(plain -> received.add(NodeDecoder.decodeFrame(plain)));
        }
        return List.copyOf(received);
    }

    /** The last node received, failing if none. */
    public Node last() {
        List<Node> all = received();
        if (all.isEmpty()) {
            throw new AssertionError("nothing received");
        }
        return all.getLast();
    }

    /** Sends {@code iq} and returns the answer with its id. */
    public Node query(Node iq) {
        send(iq);
        String id = iq.attrs().string("id");
        return received().stream().filter(n -> n.tag().equals("iq") && id.equals(n.attrs().optionalString("id").orElse(null)))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no answer to " + iq + " in " + received));
    }
}
