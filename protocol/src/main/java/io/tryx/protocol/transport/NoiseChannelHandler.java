package io.tryx.protocol.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.NodeDecoder;
import io.tryx.protocol.cert.VerifiedCertChain;
import io.tryx.protocol.noise.FrameDecoder;
import io.tryx.protocol.noise.FrameEncoder;
import io.tryx.protocol.noise.NoiseClientHandshake;
import io.tryx.protocol.noise.TransportCipher;
import io.tryx.protocol.transport.TransportException.Reason;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a connection's pipeline, behind the WebSocket protocol handler: drives the Noise
 * handshake once the WebSocket is upgraded, then decrypts inbound frames into nodes and encrypts
 * outbound ones. Every method runs on the channel's event loop, so its state needs no locking.
 */
final class NoiseChannelHandler extends ChannelInboundHandlerAdapter {

    private enum Phase { CONNECTING, NOISE, OPEN, CLOSED }

    private final TransportConfig config;
    private final NoiseClientHandshake handshake;
    private final byte[] clientPayload;
    private final NodeListener listener;
    private final CompletableFuture<NodeConnection> connected;
    private final FrameEncoder encoder;
    private final FrameDecoder decoder;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.CONNECTING;
    private TransportCipher cipher;
    private NodeConnection connection;
    private ScheduledFuture<?> deadline;

    NoiseChannelHandler(TransportConfig config, NoiseClientHandshake handshake, byte[] clientPayload,
                        NodeListener listener, CompletableFuture<NodeConnection> connected) {
        this.config = config;
        this.handshake = handshake;
        this.clientPayload = clientPayload;
        this.listener = listener;
        this.connected = connected;
        this.encoder = FrameEncoder.withConnectionHeader(config.connectionHeader());
        this.decoder = FrameDecoder.forServerStream(config.maxFrameSize());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        deadline = ctx.executor().schedule(() -> fail(new TransportException(Reason.TIMEOUT,
                        "connection not established within " + config.handshakeTimeout() + " (phase " + phase + ")"), null),
                config.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The TCP or proxy connect attempt failed (called from the bootstrap's listener). */
    void connectFailed(Throwable cause) {
        fail(classify(cause, "connect to " + config.uri() + " failed"), null);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE && phase == Phase.CONNECTING) {
            phase = Phase.NOISE;
            writeFrame(handshake.writeClientHello());
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fail(new TransportException(Reason.TIMEOUT, "WebSocket upgrade timed out"), null);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (phase == Phase.CLOSED) {
                return;
            }
            if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
                readBytes(frame.content());
            } else if (frame instanceof CloseWebSocketFrame close) {
                int code = close.statusCode();
                fail(new TransportException(Reason.CLOSED_BY_PEER, "peer closed the WebSocket with " + code
                        + (close.reasonText().isEmpty() ? "" : " (" + close.reasonText() + ")"), null, code), null);
            } else {
                fail(new TransportException(Reason.PROTOCOL_ERROR, "unexpected " + frame.getClass().getSimpleName()),
                        WebSocketCloseStatus.INVALID_MESSAGE_TYPE);
            }
        } finally {
            frame.release();
        }
    }

    private void readBytes(ByteBuf content) {
        int length = content.readableBytes();
        byte[] chunk;
        int offset;
        if (content.hasArray()) {
            chunk = content.array();
            offset = content.arrayOffset() + content.readerIndex();
        } else {
            chunk = ByteBufUtil.getBytes(content);
            offset = 0;
        }
        try {
            decoder.decode(chunk, offset, length, this::onFrame);
        } catch (ProtocolException e) {
            if (phase == Phase.NOISE) {
                fail(new TransportException(Reason.HANDSHAKE_FAILED, "Noise handshake failed: " + e.getMessage(), e), WebSocketCloseStatus.PROTOCOL_ERROR);
            } else if (phase == Phase.OPEN) {
                fail(new TransportException(Reason.PROTOCOL_ERROR, "bad inbound frame: " + e.getMessage(), e), WebSocketCloseStatus.PROTOCOL_ERROR);
            }
        }
    }

    private void onFrame(byte[] frame) {
        switch (phase) {
            case NOISE -> finishHandshake(frame);
            case OPEN -> connection.deliver(NodeDecoder.decodeFrame(cipher.decrypt(frame)));
            default -> { /* closed meanwhile: drop */ }
        }
    }

    private void finishHandshake(byte[] serverHello) {
        VerifiedCertChain chain = handshake.readServerHello(serverHello);
        writeFrame(handshake.writeClientFinish(clientPayload));
        cipher = handshake.split();
        phase = Phase.OPEN;
        deadline.cancel(false);
        connection = new NodeConnection(ctx.channel(), this, listener, config.maxPendingOutboundBytes(),
                handshake.serverStaticKey(), chain);
        if (!connected.complete(connection)) { // the caller cancelled meanwhile: nobody will use it
            closeLocally();
        }
    }

    private void writeFrame(byte[] payload) {
        ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(encoder.encode(payload))));
    }

    /** Encrypts and writes one node plaintext; runs on the event loop in {@code send} order. */
    void write(byte[] plaintext, long accounted, CompletableFuture<Void> result) {
        if (phase != Phase.OPEN) {
            connection.released(accounted);
            result.completeExceptionally(new TransportException(Reason.CLOSED, "connection is closed"));
            return;
        }
        byte[] wire;
        try {
            wire = encoder.encode(cipher.encrypt(plaintext));
        } catch (ProtocolException e) {
            connection.released(accounted);
            result.completeExceptionally(new TransportException(Reason.PROTOCOL_ERROR, "cannot send: " + e.getMessage(), e));
            return;
        }
        ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(wire))).addListener(f -> {
            connection.released(accounted);
            if (f.isSuccess()) {
                result.complete(null);
            } else {
                result.completeExceptionally(new TransportException(Reason.CLOSED, "write failed", f.cause()));
            }
        });
    }

    /** A local, clean close: a normal WebSocket close frame, then the channel closes. */
    void closeLocally() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        cancelDeadline();
        if (!connected.isDone()) {
            connected.completeExceptionally(new TransportException(Reason.CLOSED, "closed before the connection was established"));
        } else {
            connection.terminated(null);
        }
        ctx.channel().close();
    }

    /** Ends the connection with {@code cause}; {@code status} is the close frame to send, if any. */
    void fail(TransportException cause, WebSocketCloseStatus status) {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        cancelDeadline();
        if (!connected.isDone()) {
            connected.completeExceptionally(cause);
        } else {
            connection.terminated(cause);
        }
        if (ctx == null) {
            return;
        }
        if (status != null && ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.channel().close();
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(new TransportException(phase == Phase.CONNECTING ? Reason.CONNECT_FAILED : Reason.CONNECTION_LOST,
                "connection closed without a WebSocket close frame (phase " + phase + ")"), null);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(classify(cause, "connection failed in phase " + phase), null);
    }

    private TransportException classify(Throwable cause, String context) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TransportException e) {
                return e;
            }
            if (t instanceof SSLException) {
                return new TransportException(Reason.TLS_FAILED, context + ": TLS failed: " + t.getMessage(), cause);
            }
            if (t instanceof io.netty.channel.ConnectTimeoutException) {
                return new TransportException(Reason.TIMEOUT, context + ": " + t.getMessage(), cause);
            }
            if (t instanceof ProxyConnectException || t instanceof WebSocketHandshakeException || t instanceof ConnectException) {
                return new TransportException(Reason.CONNECT_FAILED, context + ": " + t.getMessage(), cause);
            }
            if (t instanceof CorruptedFrameException || t instanceof TooLongFrameException) {
                return new TransportException(Reason.PROTOCOL_ERROR, context + ": " + t.getMessage(), cause);
            }
        }
        Reason reason = phase == Phase.CONNECTING ? Reason.CONNECT_FAILED
                : cause instanceof IOException ? Reason.CONNECTION_LOST : Reason.PROTOCOL_ERROR;
        return new TransportException(reason, context + ": " + cause, cause);
    }
}
