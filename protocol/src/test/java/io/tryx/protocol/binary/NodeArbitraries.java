package io.tryx.protocol.binary;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/** jqwik generators of nodes: arbitrary tags, attributes (text and typed JIDs), content and nesting. */
final class NodeArbitraries {

    private static final List<String> SERVERS = List.copyOf(JidServer.KNOWN);

    private NodeArbitraries() {
    }

    /** Valid UTF-16 text (no lone surrogates, which no UTF-8 peer can carry). */
    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                .ofMaxLength(40);
    }

    static Arbitrary<String> token() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, Tokens.singleCount() - 1).map(Tokens::single),
                Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 255))
                        .as(Tokens::doubleByte));
    }

    static Arbitrary<String> packable() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-.").ofMinLength(1).ofMaxLength(130),
                Arbitraries.strings().withChars("0123456789ABCDEF").ofMinLength(1).ofMaxLength(130));
    }

    static Arbitrary<Jid> jid() {
        Arbitrary<String> user = Arbitraries.strings().withChars("0123456789abc-_").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> server = Arbitraries.of(SERVERS);
        return Arbitraries.oneOf(
                server.map(Jid::server),
                Combinators.combine(user, server).as(Jid::user),
                Combinators.combine(user, Arbitraries.integers().between(0, 65535), server).as(Jid::device),
                Combinators.combine(user, Arbitraries.integers().between(1, 255), Arbitraries.integers().between(0, 300),
                        server.filter(s -> !s.equals(JidServer.INTEROP))).as((u, a, d, s) -> Jid.of(u, a, d, 0, s)),
                Combinators.combine(Arbitraries.integers().between(0, 65535), user, Arbitraries.integers().between(0, 65535))
                        .as(Jid::interop));
    }

    /** Strings of every kind, including JID-shaped text that may or may not survive Baileys' encoder. */
    static Arbitrary<String> string() {
        Arbitrary<String> jidLike = Combinators.combine(
                Arbitraries.strings().withChars("0123456789_:.-ab").ofMaxLength(12),
                Arbitraries.of("@", "@@"),
                Arbitraries.oneOf(Arbitraries.of(SERVERS), Arbitraries.strings().withChars("ab.:@_").ofMaxLength(6)))
                .as((u, at, s) -> u + at + s);
        return Arbitraries.frequencyOf(
                Tuple.of(3, token()),
                Tuple.of(2, packable()),
                Tuple.of(3, text()),
                Tuple.of(2, jidLike),
                Tuple.of(1, jid().map(Jid::toString)));
    }

    static Arbitrary<Object> attrValue() {
        return Arbitraries.oneOf(string().map(s -> (Object) s), jid().map(j -> (Object) j));
    }

    static Arbitrary<Attrs> attrs() {
        return Combinators.combine(string(), attrValue()).as(List::of).list().ofMaxSize(6).map(pairs -> {
            Attrs.Builder b = Attrs.builder();
            pairs.forEach(p -> b.put((String) p.get(0), p.get(1)));
            return b.build();
        });
    }

    static Arbitrary<Content> leafContent() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.<Content>just(Content.NONE)),
                Tuple.of(2, string().<Content>map(Content.Text::new)),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300).<Content>map(Content.Bytes::of)),
                Tuple.of(1, Arbitraries.<Content>just(new Content.Children(List.of()))));
    }

    static Arbitrary<Node> node() {
        return Arbitraries.recursive(
                () -> Combinators.combine(string().filter(s -> !s.isEmpty()), attrs(), leafContent()).as(Node::new),
                inner -> Combinators.combine(string().filter(s -> !s.isEmpty()), attrs(),
                        inner.list().ofMaxSize(4).map(Content.Children::new)).as(Node::new),
                0, 4);
    }
}
