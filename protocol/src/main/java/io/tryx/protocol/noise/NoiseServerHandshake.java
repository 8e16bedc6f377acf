package io.tryx.protocol.noise;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage.ClientFinish;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage.ClientHello;

import java.util.Objects;

/**
 * The server (responder) side of WhatsApp's Noise XX handshake, as our WhatsApp simulator runs it:
 * {@link #readClientHello(byte[])} -> {@link #writeServerHello()} (our ephemeral key, encrypted static
 * key, encrypted certificate chain) -> {@link #readClientFinish(byte[])} (the client's static key and
 * ClientPayload) -> {@link #split()}. Steps run once each, in order; failures and misuse are
 * {@link ProtocolException}s and leave the handshake unusable.
 */
public final class NoiseServerHandshake {

    private enum State { START, HELLO_READ, HELLO_SENT, FINISH_READ, SPLIT, FAILED }

    private final SymmetricState symmetric = new SymmetricState();
    private final KeyPair ephemeral;
    private final KeyPair staticKey;
    private final byte[] certChain;
    private State state = State.START;
    private byte[] clientEphemeral;

    /**
     * @param header    the connection header the client sent (its prologue is hashed)
     * @param ephemeral a fresh key pair for this connection only
     * @param staticKey the server's static key, certified by the leaf of {@code certChain}
     * @param certChain the serialized {@code CertChain} sent encrypted in the server hello
     */
    public NoiseServerHandshake(ConnectionHeader header, KeyPair ephemeral, KeyPair staticKey, byte[] certChain) {
        this.ephemeral = Objects.requireNonNull(ephemeral, "ephemeral");
        this.staticKey = Objects.requireNonNull(staticKey, "staticKey");
        this.certChain = certChain.clone();
        symmetric.mixHash(header.prologue());
    }

    /** Processes {@code HandshakeMessage{clientHello{ephemeral}}}. */
    public void readClientHello(byte[] message) {
        expect(State.START, "client hello");
        state = State.FAILED;
        HandshakeMessage envelope = HandshakeMessages.parse(message, "client hello");
        if (!envelope.hasClientHello()) {
            throw new ProtocolException(Reason.HANDSHAKE_FAILED, "expected a client hello");
        }
        ClientHello hello = envelope.getClientHello();
        clientEphemeral = HandshakeMessages.publicKey(
                HandshakeMessages.required(hello.hasEphemeral(), hello.getEphemeral(), "client ephemeral key"),
                "client ephemeral key");
        symmetric.mixHash(clientEphemeral);
        state = State.HELLO_READ;
    }

    /** The serialized {@code HandshakeMessage{serverHello{ephemeral, static, payload}}}. */
    public byte[] writeServerHello() {
        expect(State.HELLO_READ, "server hello");
        state = State.FAILED;
        byte[] ephemeralPublic = ephemeral.publicKey();
        symmetric.mixHash(ephemeralPublic);
        symmetric.mixDiffieHellman(ephemeral.privateKey(), clientEphemeral);
        byte[] encryptedStatic = symmetric.encryptAndHash(staticKey.publicKey());
        symmetric.mixDiffieHellman(staticKey.privateKey(), clientEphemeral);
        byte[] encryptedChain = symmetric.encryptAndHash(certChain);
        state = State.HELLO_SENT;
        return HandshakeMessage.newBuilder()
                .setServerHello(HandshakeMessage.ServerHello.newBuilder()
                        .setEphemeral(ByteString.copyFrom(ephemeralPublic))
                        .setStatic(ByteString.copyFrom(encryptedStatic))
                        .setPayload(ByteString.copyFrom(encryptedChain)))
                .build().toByteArray();
    }

    /** Processes {@code HandshakeMessage{clientFinish{static, payload}}}: the client's identity and payload. */
    public AuthenticatedClient readClientFinish(byte[] message) {
        expect(State.HELLO_SENT, "client finish");
        state = State.FAILED;
        HandshakeMessage envelope = HandshakeMessages.parse(message, "client finish");
        if (!envelope.hasClientFinish()) {
            throw new ProtocolException(Reason.HANDSHAKE_FAILED, "expected a client finish");
        }
        ClientFinish finish = envelope.getClientFinish();
        byte[] encryptedStatic = HandshakeMessages.required(finish.hasStatic(), finish.getStatic(), "client static key");
        byte[] encryptedPayload = HandshakeMessages.required(finish.hasPayload(), finish.getPayload(), "client payload");
        byte[] clientStatic = HandshakeMessages.publicKey(symmetric.decryptAndHash(encryptedStatic), "client static key");
        symmetric.mixDiffieHellman(ephemeral.privateKey(), clientStatic);
        byte[] payload = symmetric.decryptAndHash(encryptedPayload);
        state = State.FINISH_READ;
        return new AuthenticatedClient(clientStatic, payload);
    }

    /** The transport keys: the server sends with the client's read key and receives with its write key. */
    public TransportCipher split() {
        expect(State.FINISH_READ, "split");
        byte[][] keys = symmetric.split();
        state = State.SPLIT;
        return new TransportCipher(keys[1], keys[0]);
    }

    /** The running handshake hash, for transcripts and channel binding. */
    public byte[] handshakeHash() {
        return symmetric.handshakeHash();
    }

    private void expect(State expected, String step) {
        if (state != expected) {
            throw HandshakeMessages.outOfOrder(step, state);
        }
    }
}
