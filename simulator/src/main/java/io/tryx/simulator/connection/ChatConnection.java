package io.tryx.simulator.connection;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeDecoder;
import io.tryx.protocol.binary.NodeEncoder;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.noise.FrameDecoder;
import io.tryx.protocol.noise.FrameEncoder;
import io.tryx.protocol.noise.NoiseServerHandshake;
import io.tryx.protocol.noise.NoiseSession;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.simulator.account.LinkedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * One client connection's state machine: connection header and Noise XX server handshake with the
 * simulator's certificate chain, then encrypted frames each carrying one binary node. Not thread-safe:
 * everything runs on the connection's own thread (its Netty event loop); other threads go through
 * {@link #execute(Runnable)}. A protocol violation before authentication closes the connection; a stanza
 * that cannot be decoded afterwards closes it too (the stream is no longer trustworthy), while malformed but
 * decodable stanzas are the router's business.
 */
public final class ChatConnection {

    private static final Logger log = LoggerFactory.getLogger(ChatConnection.class);

    private enum State { AWAIT_HELLO, AWAIT_FINISH, OPEN, CLOSED }

    private final long id;
    private final Transport transport;
    private final ConnectionHandler handler;
    private final FrameDecoder decoder = FrameDecoder.forClientStream(FrameDecoder.MAX_FRAME_SIZE);
    private final FrameEncoder encoder = FrameEncoder.framesOnly();
    private final ServerIdentity identity;
    private final OutboundFaults faults;
    private final int compressAbove;
    private State state = State.AWAIT_HELLO;
    private NoiseServerHandshake pending;
    private NoiseSession session;
    private byte[] clientStaticKey;
    private volatile LinkedDevice device;
    private boolean ended;

    public ChatConnection(long id, ServerIdentity identity, Transport transport, ConnectionHandler handler) {
        this(id, identity, transport, handler, 0);
    }

    /** As above; stanzas whose encoded node exceeds {@code compressAbove} bytes are sent compressed (0: never). */
    public ChatConnection(long id, ServerIdentity identity, Transport transport, ConnectionHandler handler,
                          int compressAbove) {
        this.compressAbove = compressAbove;
        this.id = id;
        this.identity = Objects.requireNonNull(identity, "identity");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.faults = new OutboundFaults(transport);
    }

    public long id() {
        return id;
    }

    /** The client's Noise static key, once the handshake is done. */
    public byte[] clientStaticKey() {
        return clientStaticKey == null ? null : clientStaticKey.clone();
    }

    /** The logged-in device, or null (pairing connection or not logged in yet). */
    public LinkedDevice device() {
        return device;
    }

    public void device(LinkedDevice loggedIn) {
        this.device = loggedIn;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Consumes bytes of one WebSocket message (any fragmentation of the frame stream). */
    public void onBytes(byte[] bytes) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            if (session != null) {
                session.open(bytes, 0, bytes.length, this::onPlaintext);
            } else {
                decoder.decode(bytes, 0, bytes.length, this::onHandshakeFrame);
            }
        } catch (ProtocolException e) {
            log.warn("connection {}: protocol violation, closing: {}", id, e.getMessage());
            close();
        }
    }

    private void onHandshakeFrame(byte[] frame) {
        if (session != null) {
            // a transport frame right behind the client finish, in the same chunk
            onPlaintext(session.cipher().decrypt(frame));
            return;
        }
        switch (state) {
            case AWAIT_HELLO -> {
                pending = new NoiseServerHandshake(decoder.connectionHeader(), Curve25519.generateKeyPair(),
                        identity.staticKey(), identity.certChain());
                pending.readClientHello(frame);
                transport.write(encoder.encode(pending.writeServerHello()));
                state = State.AWAIT_FINISH;
            }
            case AWAIT_FINISH -> {
                var client = pending.readClientFinish(frame);
                session = new NoiseSession(pending.split(), encoder, decoder);
                pending = null;
                clientStaticKey = client.staticKey();
                state = State.OPEN;
                ClientPayload payload;
                try {
                    payload = ClientPayload.parseFrom(client.payload());
                } catch (InvalidProtocolBufferException e) {
                    throw new ProtocolException(ProtocolException.Reason.MALFORMED, "client payload: " + e.getMessage(), e);
                }
                handler.onAuthenticated(this, payload);
            }
            default -> throw new IllegalStateException("frame in state " + state);
        }
    }

    private void onPlaintext(byte[] plaintext) {
        if (state != State.OPEN) {
            return;
        }
        Node node = NodeDecoder.decodeFrame(plaintext);
        if (log.isDebugEnabled()) {
            log.debug("connection {} <- {}", id, node);
        }
        try {
            handler.onStanza(this, node);
        } catch (RuntimeException e) {
            log.error("connection {}: handler failed on {}", id, node, e);
        }
    }

    /** Encrypts and sends one node; dropped once closed. */
    public void send(Node node) {
        if (state != State.OPEN) {
            log.debug("connection {}: not open, dropping {}", id, node);
            return;
        }
        if (faults.drop(node.tag())) {
            log.info("connection {}: fault injection drops {}", id, node.tag());
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("connection {} -> {}", id, node);
        }
        byte[] frame = NodeEncoder.encode(node);
        if (compressAbove > 0 && frame.length - 1 > compressAbove) {
            frame = NodeEncoder.encodeCompressed(node);
        }
        faults.write(session.seal(frame));
    }

    /**
     * Fault injection (call on this connection's thread): from now on every outbound frame waits {@code delay}
     * (order kept), the next {@code dropNext} nodes and then the next {@code dropMessages} {@code message} stanzas are
     * discarded unsent; zeros clear the faults.
     */
    public void injectFaults(Duration delay, int dropNext, int dropMessages) {
        faults.set(delay, dropNext, dropMessages);
    }

    /** The faults in force (call on this connection's thread). */
    public FaultState faults() {
        return faults.state();
    }

    /** Sends {@code <stream:error code=...>} and closes, as the real server ends a stream. */
    public void streamError(int code) {
        send(Node.builder("stream:error").attr("code", Integer.toString(code)).build());
        close();
    }

    /**
     * Sends {@code <stream:error><conflict type=.../></stream:error>} and closes: {@code replaced} when the
     * device connected again elsewhere, {@code device_removed} when it was unlinked.
     */
    public void conflict(String type) {
        send(Node.builder("stream:error").children(Node.builder("conflict").attr("type", type).build()).build());
        close();
    }

    /** Sends {@code <failure reason=...>} and closes: a refused login. */
    public void failure(int reason) {
        failure(Node.builder("failure").attr("reason", Integer.toString(reason)).build());
    }

    /** Sends a {@code failure} node (with its attributes, e.g. a ban's code and expiry) and closes. */
    public void failure(Node failure) {
        send(failure);
        close();
    }

    /**
     * Closes the connection; idempotent. The stream is over at once (nothing more is read or sent, the handler
     * learns it is gone) while the transport may linger until the frames a delay fault holds are written and the
     * client has read the last frames.
     */
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        faults.whenDrained(transport::close);
        transport.execute(this::ended);
    }

    /** Called by the transport when the channel is gone. */
    public void onTransportClosed() {
        state = State.CLOSED;
        ended();
    }

    private void ended() {
        if (!ended) {
            ended = true;
            handler.onClosed(this);
        }
    }

    public Transport.Cancellable schedule(Runnable task, Duration delay) {
        return transport.schedule(task, delay);
    }

    /** Runs {@code task} on this connection's thread; safe from any thread. */
    public void execute(Runnable task) {
        transport.execute(task);
    }

    @Override
    public String toString() {
        return "ChatConnection[" + id + (device == null ? "" : ", " + device.jid()) + "]";
    }
}
