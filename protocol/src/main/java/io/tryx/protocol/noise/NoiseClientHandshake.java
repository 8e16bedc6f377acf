package io.tryx.protocol.noise;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.cert.VerifiedCertChain;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage;
import io.tryx.protocol.proto.HandshakeProto.HandshakeMessage.ServerHello;

import java.util.Objects;

/**
 * The client (initiator) side of WhatsApp's Noise XX handshake, as a state machine without I/O:
 * {@link #writeClientHello()} -> {@link #readServerHello(byte[])} (decrypts the server's static key and
 * certificate chain and verifies the chain) -> {@link #writeClientFinish(byte[])} (our encrypted noise
 * key and the encrypted ClientPayload) -> {@link #split()}. Each step may run once, in this order; any
 * failure or misuse is a {@link ProtocolException} and leaves the handshake unusable.
 */
public final class NoiseClientHandshake {

    private enum State { START, HELLO_SENT, SERVER_VERIFIED, FINISH_SENT, SPLIT, FAILED }

    private final SymmetricState symmetric = new SymmetricState();
    private final KeyPair ephemeral;
    private final KeyPair noiseKey;
    private final CertChainVerifier verifier;
    private State state = State.START;
    private byte[] serverEphemeral;
    private byte[] serverStatic;

    /**
     * @param header   the connection header sent in front of the first frame (its prologue is hashed)
     * @param ephemeral a fresh key pair for this connection only
     * @param noiseKey the client's long-term static noise key, which the server learns at finish
     * @param verifier checks the server's certificate chain
     */
    public NoiseClientHandshake(ConnectionHeader header, KeyPair ephemeral, KeyPair noiseKey, CertChainVerifier verifier) {
        this.ephemeral = Objects.requireNonNull(ephemeral, "ephemeral");
        this.noiseKey = Objects.requireNonNull(noiseKey, "noiseKey");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        symmetric.mixHash(header.prologue());
    }

    /** The serialized {@code HandshakeMessage{clientHello{ephemeral}}} to send as the first frame. */
    public byte[] writeClientHello() {
        expect(State.START, "client hello");
        byte[] publicKey = ephemeral.publicKey();
        symmetric.mixHash(publicKey);
        state = State.HELLO_SENT;
        return HandshakeMessage.newBuilder()
                .setClientHello(HandshakeMessage.ClientHello.newBuilder().setEphemeral(ByteString.copyFrom(publicKey)))
                .build().toByteArray();
    }

    /** Processes the server hello: its keys are mixed in, its certificate chain decrypted and verified. */
    public VerifiedCertChain readServerHello(byte[] message) {
        expect(State.HELLO_SENT, "server hello");
        state = State.FAILED;
        HandshakeMessage envelope = HandshakeMessages.parse(message, "server hello");
        if (!envelope.hasServerHello()) {
            throw new ProtocolException(Reason.HANDSHAKE_FAILED, "expected a server hello");
        }
        ServerHello hello = envelope.getServerHello();
        byte[] theirEphemeral = HandshakeMessages.publicKey(
                HandshakeMessages.required(hello.hasEphemeral(), hello.getEphemeral(), "server ephemeral key"),
                "server ephemeral key");
        byte[] encryptedStatic = HandshakeMessages.required(hello.hasStatic(), hello.getStatic(), "server static key");
        byte[] encryptedChain = HandshakeMessages.required(hello.hasPayload(), hello.getPayload(), "server certificate");

        symmetric.mixHash(theirEphemeral);
        symmetric.mixDiffieHellman(ephemeral.privateKey(), theirEphemeral);
        byte[] theirStatic = HandshakeMessages.publicKey(symmetric.decryptAndHash(encryptedStatic), "server static key");
        symmetric.mixDiffieHellman(ephemeral.privateKey(), theirStatic);
        byte[] chain = symmetric.decryptAndHash(encryptedChain);
        VerifiedCertChain verified = verifier.verify(chain, theirStatic);

        serverEphemeral = theirEphemeral;
        serverStatic = theirStatic;
        state = State.SERVER_VERIFIED;
        return verified;
    }

    /** The serialized {@code HandshakeMessage{clientFinish{static, payload}}} carrying the encrypted ClientPayload. */
    public byte[] writeClientFinish(byte[] clientPayload) {
        Objects.requireNonNull(clientPayload, "clientPayload");
        expect(State.SERVER_VERIFIED, "client finish");
        byte[] encryptedStatic = symmetric.encryptAndHash(noiseKey.publicKey());
        symmetric.mixDiffieHellman(noiseKey.privateKey(), serverEphemeral);
        byte[] encryptedPayload = symmetric.encryptAndHash(clientPayload);
        state = State.FINISH_SENT;
        return HandshakeMessage.newBuilder()
                .setClientFinish(HandshakeMessage.ClientFinish.newBuilder()
                        .setStatic(ByteString.copyFrom(encryptedStatic))
                        .setPayload(ByteString.copyFrom(encryptedPayload)))
                .build().toByteArray();
    }

    /** The transport keys, once the client finish was written: we send with the first, receive with the second. */
    public TransportCipher split() {
        expect(State.FINISH_SENT, "split");
        byte[][] keys = symmetric.split();
        state = State.SPLIT;
        return new TransportCipher(keys[0], keys[1]);
    }

    /** The server's static key as decrypted from its hello (null before). */
    public byte[] serverStaticKey() {
        return serverStatic == null ? null : serverStatic.clone();
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
