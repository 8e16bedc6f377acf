package io.tryx.protocol.binary;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic corpus of varied nodes for the cross-implementation tests: every token (single-byte and
 * each double-byte dictionary), JIDs of every server with and without devices, nibble and hex strings,
 * byte payloads of every length class (up to over 1 MiB), nested and long (LIST_16) child lists, empty and
 * string content. Only strings that Baileys carries faithfully are used (see {@link WireStrings}).
 */
final class NodeCorpus {

    /** Names JavaScript objects treat specially; Baileys' token lookup and attribute objects trip on them. */
    static final Set<String> JS_OBJECT_NAMES = Set.of("constructor", "__proto__", "toString", "valueOf",
            "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__",
            "__defineSetter__", "__lookupGetter__", "__lookupSetter__");

    /** Every known server; INTEROP last, as a typed interop JID is written differently (see WireStrings). */
    private static final String[] SERVERS = {JidServer.USER, JidServer.GROUP, JidServer.LEGACY_USER,
            JidServer.BROADCAST, JidServer.LID, JidServer.NEWSLETTER, JidServer.BOT, JidServer.HOSTED,
            JidServer.HOSTED_LID, JidServer.MESSENGER, JidServer.INTEROP};
    private static final String[] AD_SERVERS = {JidServer.USER, JidServer.LID, JidServer.HOSTED, JidServer.HOSTED_LID};
    private static final String[] TEXTS = {"hello world", "héllo wörld", "日本語のテキスト", "emoji 😀🎉", "a\"b<c>&d",
            "line\nbreak", "tab\there", "lowercase hex deadbeef", "ünïcödé", "x"};

    private final Random random;

    private NodeCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} random nodes plus one node per token table listing all its tokens. */
    static List<Node> generate(long seed, int count) {
        NodeCorpus corpus = new NodeCorpus(seed);
        List<Node> nodes = new ArrayList<>(corpus.allTokenNodes());
        for (int i = 0; i < count; i++) {
            nodes.add(corpus.node(i, 1));
        }
        return nodes;
    }

    /** What a node becomes after a trip over the wire: raw-written text content comes back as bytes. */
    static Node afterWire(Node node) {
        Content content = switch (node.content()) {
            case Content.Text t when WireStrings.kindOf(t.value()) == WireStrings.Kind.RAW ->
                    Content.Bytes.of(t.value().getBytes(StandardCharsets.UTF_8));
            case Content.Children c -> new Content.Children(c.nodes().stream().map(NodeCorpus::afterWire).toList());
            default -> node.content();
        };
        return new Node(node.tag(), node.attrs(), content);
    }

    private List<Node> allTokenNodes() {
        List<Node> nodes = new ArrayList<>();
        List<Node> items = new ArrayList<>();
        for (int i = 1; i < Tokens.singleCount(); i++) {
            items.add(Node.builder(Tokens.single(i)).attr("v", Tokens.single(i)).text(Tokens.single(i)).build());
        }
        nodes.add(Node.builder("single").children(items).build());
        for (int d = 0; d < 4; d++) {
            List<Node> dict = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                String token = Tokens.doubleByte(d, i);
                dict.add(Node.builder(token).attr(token, token).text(token).build());
            }
            nodes.add(Node.builder("dictionary").attr("index", d).children(dict).build());
        }
        return nodes;
    }

    private Node node(int index, int depth) {
        Node.Builder b = Node.builder(tag(index));
        int attrCount = index % 97 == 5 ? 130 : random.nextInt(7);
        for (int i = 0; i < attrCount; i++) {
            b.optionalAttr(attrName(i, attrCount > 100), value());
        }
        switch (index % 53 == 7 && depth == 1 ? 99 : random.nextInt(depth < 5 ? 8 : 6)) {
            case 0 -> { }
            case 1, 2 -> b.text(value().toString());
            case 3 -> b.text(TEXTS[random.nextInt(TEXTS.length)]);
            case 4, 5 -> b.bytes(bytes(index));
            case 99 -> b.children(children(300 + random.nextInt(100), index, depth));
            default -> b.children(children(random.nextInt(5), index, depth));
        }
        return b.build();
    }

    private List<Node> children(int count, int index, int depth) {
        List<Node> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(node(index * 7 + i + 1, depth + 1));
        }
        return children;
    }

    private byte[] bytes(int index) {
        int length = switch (index % 41 == 3 ? 3 : random.nextInt(3)) {
            case 0 -> random.nextInt(256);
            case 1 -> 256 + random.nextInt(5000);
            default -> index % 41 == 3 ? (1 << 20) + random.nextInt(70_000) : random.nextInt(4);
        };
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    private String tag(int index) {
        return switch (index % 8) {
            case 0, 1, 2 -> Tokens.single(1 + random.nextInt(Tokens.singleCount() - 1));
            case 3, 4, 5, 6 -> Tokens.doubleByte(index % 4, random.nextInt(256));
            default -> word();
        };
    }

    private String attrName(int i, boolean unique) {
        String name = random.nextInt(3) == 0 ? word() : Tokens.single(1 + random.nextInt(Tokens.singleCount() - 1));
        if (name.chars().allMatch(Character::isDigit) || JS_OBJECT_NAMES.contains(name)) {
            name = "k" + name;
        }
        return name + (unique || random.nextInt(4) == 0 ? "_" + i : "");
    }

    private Object value() {
        return switch (random.nextInt(14)) {
            case 0 -> Tokens.single(1 + random.nextInt(Tokens.singleCount() - 1));
            case 1 -> Tokens.doubleByte(random.nextInt(4), random.nextInt(256));
            case 2 -> packable("0123456789-.", 1 + random.nextInt(127));
            case 3 -> "F" + packable("0123456789ABCDEF", random.nextInt(126));
            case 4 -> digits(1 + random.nextInt(20)) + "@" + SERVERS[random.nextInt(SERVERS.length)];
            case 5 -> Jid.user(digits(1 + random.nextInt(20)), SERVERS[random.nextInt(SERVERS.length - 1)]);
            case 6 -> Jid.device(digits(5 + random.nextInt(15)), 1 + random.nextInt(255),
                    AD_SERVERS[random.nextInt(AD_SERVERS.length)]);
            case 7 -> digits(10) + "." + (1 + random.nextInt(200)) + ":" + (1 + random.nextInt(99)) + "@s.whatsapp.net";
            case 8 -> Jid.server(SERVERS[random.nextInt(SERVERS.length)]);
            case 9 -> TEXTS[random.nextInt(TEXTS.length)];
            case 10 -> random.nextInt(5) == 0 ? "" : word();
            case 11 -> digits(128 + random.nextInt(200));
            case 12 -> "group-" + digits(10) + "-" + digits(10) + "@g.us";
            default -> word() + " " + word();
        };
    }

    private String packable(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private String digits(int length) {
        return packable("0123456789", length);
    }

    private String word() {
        return packable("abcdefghijklmnopqrstuvwxyz", 3 + random.nextInt(9));
    }
}
