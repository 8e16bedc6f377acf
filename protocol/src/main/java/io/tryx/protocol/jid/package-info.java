/**
 * WhatsApp JIDs: the {@link io.tryx.protocol.jid.Jid} value type with its canonical text forms, and the
 * known servers ({@link io.tryx.protocol.jid.JidServer}). Pure values: no IO, no wire format.
 */
package io.tryx.protocol.jid;
