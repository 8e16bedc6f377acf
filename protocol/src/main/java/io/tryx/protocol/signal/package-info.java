/**
 * The Signal protocol as WhatsApp uses it, interoperable with libsignal (as in Baileys and whatsmeow):
 * identities, prekeys and bundles here; X3DH and the Double Ratchet in {@code session}; group sender keys
 * in {@code group}; wire messages in {@code wire}; store interfaces and an in-memory store in {@code store}.
 * Pure: no IO, threads or clock; randomness is passed in.
 */
package io.tryx.protocol.signal;
