/**
 * Pure helpers around WhatsApp message plaintexts: message ids ({@link io.tryx.protocol.message.MessageIds}),
 * version-2 random padding ({@link io.tryx.protocol.message.MessagePadding}) and the padded {@code Message}
 * protobuf ({@link io.tryx.protocol.message.MessageCodec}). No IO; time and randomness are parameters.
 */
package io.tryx.protocol.message;
