package io.tryx.protocol.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.crypto.Curve25519;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many accounts share few threads: 200 connections on a 2-thread event loop group. */
class ManyConnectionsTest {

    private static final int CLIENTS = 200;
    private static final int NODES_EACH = 5;

    @Test
    void twoHundredClientsOnTwoThreadsHandshakeAndExchangeNodes() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("tryx-client"), NioIoHandler.newFactory());
        try (TestWaServer server = new TestWaServer(5)) {
            NoiseTransport transport = new NoiseTransport(group, server.clientConfig().build());
            Set<String> deliveringThreads = ConcurrentHashMap.newKeySet();
            List<RecordingListener> listeners = new ArrayList<>();
            List<CompletableFuture<NodeConnection>> pending = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                RecordingListener listener = new RecordingListener();
                listeners.add(listener);
                pending.add(transport.connect(Curve25519.generateKeyPair(), new byte[]{(byte) i}, listener));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long handshakesMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            int peakThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            for (int i = 0; i < CLIENTS; i++) {
                NodeConnection connection = pending.get(i).join();
                for (int n = 0; n < NODES_EACH; n++) {
                    connection.send(NoiseTransportTest.node(i * 100 + n, 64));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.stream().allMatch(l -> l.nodes.size() == NODES_EACH));
            for (int i = 0; i < CLIENTS; i++) {
                List<Node> expected = new ArrayList<>();
                for (int n = 0; n < NODES_EACH; n++) {
                    expected.add(NoiseTransportTest.node(i * 100 + n, 64));
                }
                assertThat(listeners.get(i).nodes).containsExactlyElementsOf(expected);
                deliveringThreads.addAll(listeners.get(i).threads);
            }
            assertThat(server.sessions).hasSize(CLIENTS);
            assertThat(deliveringThreads).hasSizeLessThanOrEqualTo(2).allMatch(name -> name.startsWith("tryx-client"));
            // 2 client loops + 2 server loops + JVM noise; never one per connection
            assertThat(peakThreads - threadsBefore).isLessThan(20);

            CompletableFuture.allOf(pending.stream().map(f -> f.join().close()).toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
            System.out.printf("ManyConnectionsTest: %d handshakes on 2 threads in %d ms; threads +%d%n",
                    CLIENTS, handshakesMillis, peakThreads - threadsBefore);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
