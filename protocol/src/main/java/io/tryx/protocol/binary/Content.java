package io.tryx.protocol.binary;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Node} holds besides its tag and attributes: nothing, a string, raw bytes, or child nodes.
 *
 * <p>On the wire an empty child list differs from no content, so {@link Children} may be empty.
 * A {@link Text} written as plain UTF-8 (anything not a token, packable or a JID) comes back from the wire
 * as {@link Bytes}, as in every implementation of the format.
 */
public sealed interface Content permits Content.None, Content.Text, Content.Bytes, Content.Children {

    /** The shared "no content" value. */
    None NONE = new None();

    /** No content. */
    record None() implements Content {
    }

    /** String content. */
    record Text(String value) implements Content {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Child nodes, possibly none. */
    record Children(List<Node> nodes) implements Content {
        public Children {
            nodes = List.copyOf(nodes);
            if (nodes.size() > NodeLimits.MAX_CHILDREN) {
                throw new IllegalArgumentException("more than " + NodeLimits.MAX_CHILDREN + " children");
            }
        }
    }

    /** Raw bytes; immutable (copied in and out), compared by content. */
    final class Bytes implements Content {
        private final byte[] data;

        private Bytes(byte[] data) {
            this.data = data;
        }

        /** Bytes content holding a copy of {@code data}. */
        public static Bytes of(byte[] data) {
            return new Bytes(data.clone());
        }

        /** Takes ownership of {@code data}; for the decoder, which hands over a fresh array. */
        static Bytes owning(byte[] data) {
            return new Bytes(data);
        }

        /** A copy of the bytes. */
        public byte[] toArray() {
            return data.clone();
        }

        /** A read-only view of the bytes, without copying. */
        public ByteBuffer asReadOnlyBuffer() {
            return ByteBuffer.wrap(data).asReadOnlyBuffer();
        }

        public int length() {
            return data.length;
        }

        /** The internal array, never exposed outside the package. */
        byte[] array() {
            return data;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return NodeFormatter.bytes(data);
        }
    }
}
