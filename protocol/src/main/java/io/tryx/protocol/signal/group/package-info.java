/**
 * Group messaging with sender keys, compatible with Baileys' implementation: distribution, signed
 * chain-keyed messages, bounded skipped keys and several key states per sender.
 */
package io.tryx.protocol.signal.group;
