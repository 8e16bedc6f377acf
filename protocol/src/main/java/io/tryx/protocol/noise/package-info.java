/**
 * WhatsApp's transport: the {@code Noise_XX_25519_AESGCM_SHA256} handshake in both roles
 * ({@link io.tryx.protocol.noise.NoiseClientHandshake}, {@link io.tryx.protocol.noise.NoiseServerHandshake}),
 * the per-frame {@link io.tryx.protocol.noise.TransportCipher}, the 3-byte length framing
 * ({@link io.tryx.protocol.noise.FrameEncoder}, {@link io.tryx.protocol.noise.FrameDecoder}) and the
 * {@link io.tryx.protocol.noise.ConnectionHeader} in front of the first frame. Pure state machines: no
 * sockets, threads or clocks; the runtime feeds bytes in and writes bytes out.
 */
package io.tryx.protocol.noise;
