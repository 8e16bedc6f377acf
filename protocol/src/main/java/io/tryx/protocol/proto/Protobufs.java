package io.tryx.protocol.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.tryx.protocol.ProtocolException;

import java.util.Objects;

/** Parsing of the WhatsApp protobufs in this package with failures reported as {@link ProtocolException}. */
public final class Protobufs {

    private Protobufs() {
    }

    /**
     * Parses {@code bytes} with {@code parser} (e.g. {@code E2EProto.Message.parser()}).
     *
     * @throws ProtocolException {@link ProtocolException.Reason#MISSING_FIELD} if a required field is absent,
     *                           {@link ProtocolException.Reason#MALFORMED} for any other invalid encoding
     */
    public static <T extends MessageLite> T parse(Parser<T> parser, byte[] bytes) {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(bytes, "bytes");
        T value;
        try {
            value = parser.parsePartialFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "invalid protobuf: " + e.getMessage(), e);
        }
        if (!value.isInitialized()) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD,
                    value.getClass().getSimpleName() + " lacks a required field");
        }
        return value;
    }
}
