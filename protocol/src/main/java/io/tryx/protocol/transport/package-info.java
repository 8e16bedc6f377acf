/**
 * The runtime transport of the protocol client: a Netty WebSocket connection (optionally through an
 * HTTP CONNECT or SOCKS5 proxy, with TLS for {@code wss}) carrying WhatsApp's 3-byte-length frames,
 * the Noise client handshake driven over it, and then an encrypted channel of binary {@code Node}s.
 *
 * <p>Entry point: {@link io.tryx.protocol.transport.NoiseTransport}, configured by a
 * {@link io.tryx.protocol.transport.TransportConfig} and sharing an injected {@code EventLoopGroup}
 * across many connections. Failures are {@link io.tryx.protocol.transport.TransportException}s with a
 * typed reason. {@link io.tryx.protocol.transport.KeepAlive} pings an open connection and closes it when
 * the peer stops answering. Unlike the core packages this one does IO, uses threads and reads clocks.
 *
 * <p>Not here (the connection lifecycle above this layer): building the login/registration ClientPayload,
 * IQ request/response tracking, {@code <stream:error>}/{@code <failure>} handling, and reconnecting with
 * backoff. A {@code NodeConnection} is single-use: reconnecting means a new {@code connect}.
 */
package io.tryx.protocol.transport;
