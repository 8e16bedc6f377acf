/**
 * WhatsApp's binary XML ("binary node") format, dictionary version 3: the immutable
 * {@link io.tryx.protocol.binary.Node} model and its codec ({@link io.tryx.protocol.binary.NodeEncoder},
 * {@link io.tryx.protocol.binary.NodeDecoder}), byte-compatible with Baileys 7.0.0-rc14 and bounded by
 * {@link io.tryx.protocol.binary.NodeLimits} against hostile input. Pure core: no IO beyond reading the token
 * table resource once, no threads, no Netty.
 */
package io.tryx.protocol.binary;
