package io.tryx.protocol.message;

import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.Protobufs;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Signal plaintext of a WhatsApp message: the serialized {@link E2EProto.Message} with version-2 random padding
 * (Baileys' {@code encodeWAMessage} and {@code decodeWAMessage} without the encryption around them).
 */
public final class MessageCodec {

    private MessageCodec() {
    }

    /** Serializes and pads {@code message}; the pad length is drawn from {@code random}. */
    public static byte[] encode(E2EProto.Message message, RandomGenerator random) {
        Objects.requireNonNull(message, "message");
        return MessagePadding.pad(message.toByteArray(), random);
    }

    /**
     * Unpads and parses a decrypted plaintext.
     *
     * @throws io.tryx.protocol.ProtocolException {@code MALFORMED} for bad padding or an invalid protobuf
     */
    public static E2EProto.Message decode(byte[] plaintext) {
        return Protobufs.parse(E2EProto.Message.parser(), MessagePadding.unpad(plaintext));
    }
}
