package io.tryx.protocol.bench;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.binary.NodeDecoder;
import io.tryx.protocol.binary.NodeEncoder;
import io.tryx.protocol.jid.Jid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the node codec on a typical outgoing group message stanza (device fan-out, ~1 kB) and on a
 * large node (500 device entries with JIDs plus a 256 KiB payload, ~300 kB).
 * Run: {@code ./mvnw -pl protocol -Pbench verify -Djmh.args="NodeCodec -f 1 -wi 2 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NodeCodecBenchmark {

    private Node typical;
    private Node large;
    private byte[] typicalFrame;
    private byte[] largeFrame;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Node> participants = new ArrayList<>();
        for (int device = 0; device < 4; device++) {
            participants.add(Node.builder("to").attr("jid", Jid.device("491701234567", device + 1, "s.whatsapp.net"))
                    .children(Node.builder("enc").attr("v", "2").attr("type", "msg").bytes(bytes(random, 150)).build())
                    .build());
        }
        typical = Node.builder("message")
                .attr("to", Jid.user("120363012345678901", "g.us"))
                .attr("id", "3EB0C431C26A1916E2A0")
                .attr("type", "text")
                .attr("t", 1732400000L)
                .children(Node.builder("participants").children(participants).build(),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(bytes(random, 120)).build(),
                        Node.builder("device-identity").bytes(bytes(random, 160)).build())
                .build();

        List<Node> users = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            users.add(Node.builder("user").attr("jid", Jid.device("4917" + (10_000_000 + i), 1 + i % 20, "lid"))
                    .attr("pn_jid", "4917" + (10_000_000 + i) + "@s.whatsapp.net").attr("t", 1732400000L + i)
                    .children(Node.builder("devices").attr("dhash", "2:" + Integer.toHexString(i * 7919))
                            .bytes(bytes(random, 32)).build())
                    .build());
        }
        large = Node.builder("iq").attr("type", "result").attr("id", "abc.123-4")
                .children(Node.builder("usync").children(users).build(),
                        Node.builder("media").bytes(bytes(random, 256 * 1024)).build())
                .build();
        typicalFrame = NodeEncoder.encode(typical);
        largeFrame = NodeEncoder.encode(large);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    @Benchmark
    public byte[] encodeTypicalStanza() {
        return NodeEncoder.encode(typical);
    }

    @Benchmark
    public Node decodeTypicalStanza() {
        return NodeDecoder.decodeFrame(typicalFrame);
    }

    @Benchmark
    public byte[] encodeLargeNode() {
        return NodeEncoder.encode(large);
    }

    @Benchmark
    public Node decodeLargeNode() {
        return NodeDecoder.decodeFrame(largeFrame);
    }
}
