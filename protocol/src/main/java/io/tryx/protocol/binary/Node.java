package io.tryx.protocol.binary;

import io.tryx.protocol.jid.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of WhatsApp's binary XML: a tag, ordered attributes ({@link Attrs}, values text or {@link Jid})
 * and {@link Content}. Immutable; built with {@link #builder(String)} or decoded by {@link NodeDecoder}.
 *
 * <p>{@link #toString()} renders an XML-like line for logs and test failures, with long text and bytes
 * shortened.
 */
public record Node(String tag, Attrs attrs, Content content) {

    public Node {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(attrs, "attrs");
        Objects.requireNonNull(content, "content");
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("a node's tag cannot be empty");
        }
    }

    /** A node with a tag only. */
    public static Node of(String tag) {
        return new Node(tag, Attrs.empty(), Content.NONE);
    }

    /** A builder for a node with this tag. */
    public static Builder builder(String tag) {
        return new Builder(tag);
    }

    /** The child nodes; empty unless the content is {@link Content.Children}. */
    public List<Node> children() {
        return content instanceof Content.Children c ? c.nodes() : List.of();
    }

    /** The first child with this tag. */
    public Optional<Node> child(String childTag) {
        for (Node n : children()) {
            if (n.tag.equals(childTag)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** All children with this tag, in order. */
    public List<Node> children(String childTag) {
        List<Node> out = new ArrayList<>();
        for (Node n : children()) {
            if (n.tag.equals(childTag)) {
                out.add(n);
            }
        }
        return out;
    }

    /** A copy of the content bytes, if the content is {@link Content.Bytes}. */
    public Optional<byte[]> contentBytes() {
        return content instanceof Content.Bytes b ? Optional.of(b.toArray()) : Optional.empty();
    }

    /** The content string, if the content is {@link Content.Text}. */
    public Optional<String> contentText() {
        return content instanceof Content.Text t ? Optional.of(t.value()) : Optional.empty();
    }

    @Override
    public String toString() {
        return NodeFormatter.format(this);
    }

    /** Builds a {@link Node}; the last content setter wins. */
    public static final class Builder {
        private final String tag;
        private final Attrs.Builder attrs = Attrs.builder();
        private Content content = Content.NONE;

        private Builder(String tag) {
            this.tag = tag;
        }

        public Builder attr(String name, String value) {
            attrs.put(name, value);
            return this;
        }

        public Builder attr(String name, Jid value) {
            attrs.put(name, value);
            return this;
        }

        /** A numeric attribute, written as its decimal text. */
        public Builder attr(String name, long value) {
            attrs.put(name, Long.toString(value));
            return this;
        }

        /** Adds the attribute only if the value is not null. */
        public Builder optionalAttr(String name, Object value) {
            if (value != null) {
                attrs.put(name, value);
            }
            return this;
        }

        public Builder text(String value) {
            content = new Content.Text(value);
            return this;
        }

        public Builder bytes(byte[] value) {
            content = Content.Bytes.of(value);
            return this;
        }

        public Builder children(List<Node> nodes) {
            content = new Content.Children(nodes);
            return this;
        }

        public Builder children(Node... nodes) {
            return children(List.of(nodes));
        }

        public Builder content(Content value) {
            content = Objects.requireNonNull(value, "content");
            return this;
        }

        public Node build() {
            return new Node(tag, attrs.build(), content);
        }
    }
}
