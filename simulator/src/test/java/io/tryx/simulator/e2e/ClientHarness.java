package io.tryx.simulator.e2e;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.protocol.client.ClientConfig;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.ClientSession;
import io.tryx.protocol.client.Connector;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.media.MediaConfig;
import io.tryx.protocol.client.media.MediaHttp;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.CredentialStore;
import io.tryx.protocol.client.FibonacciBackoff;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.store.PreKeyStore;
import io.tryx.protocol.transport.KeepAliveConfig;
import io.tryx.protocol.transport.NoiseTransport;
import io.tryx.protocol.transport.TransportConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/** Our client sessions against one endpoint, recording their events; closes everything it made. */
final class ClientHarness implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<ExecutorService> eventThreads = new CopyOnWriteArrayList<>();
    private final List<ClientSession> sessions = new CopyOnWriteArrayList<>();
    private final List<WhatsAppClient> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final NoiseTransport transport;
    private MediaHttp mediaHttp;

    ClientHarness(String chatUrl, byte[] root) {
        this(chatUrl, root, List.of());
    }

    /** Trusting {@code tlsAnchors} for {@code wss} and the media host (empty: the JDK's default trust store). */
    ClientHarness(String chatUrl, byte[] root, List<java.security.cert.X509Certificate> tlsAnchors) {
        this.transport = new NoiseTransport(group, TransportConfig.builder().uri(chatUrl).trustedRoot(root)
                .tlsTrustAnchors(tlsAnchors).build());
        if (!tlsAnchors.isEmpty()) {
            mediaHttp = MediaHttp.create(MediaConfig.trusting(tlsAnchors));
        }
    }

    /** Clients made from now on reach the media host trusting {@code certificate} (the simulator's). */
    ClientHarness trustMedia(java.security.cert.X509Certificate certificate) {
        mediaHttp = MediaHttp.create(MediaConfig.trusting(List.of(certificate)));
        return this;
    }

    /** A started-later session with fast backoff, recording into {@code events}. */
    ClientSession session(CredentialStore store, List<ClientEvent> events) {
        return session(store, new PreKeys(), events);
    }

    /** As {@link #session(CredentialStore, List)} keeping one-time prekeys in {@code preKeys}. */
    ClientSession session(CredentialStore store, PreKeyStore preKeys, List<ClientEvent> events) {
        ExecutorService eventThread = Executors.newSingleThreadExecutor();
        eventThreads.add(eventThread);
        ClientSession session = new ClientSession(Connector.noise(transport, KeepAliveConfig.DEFAULT), store, preKeys, config(),
                ClientScheduler.of(timers), eventThread, Clock.systemUTC());
        session.addListener(events::add);
        sessions.add(session);
        return session;
    }

    /** A messaging client (lifecycle and messages) on {@code store}, recording into the two lists; started later. */
    WhatsAppClient client(AccountStore store, List<ClientEvent> events, List<MessageEvent> messages) {
        return client(store, events, messages, config(), MessagingConfig.defaults(), Clock.systemUTC());
    }

    /** As {@link #client(AccountStore, List, List)} with its own settings and clock. */
    WhatsAppClient client(AccountStore store, List<ClientEvent> events, List<MessageEvent> messages, ClientConfig config,
                          MessagingConfig messaging, InstantSource clock) {
        ExecutorService eventThread = Executors.newSingleThreadExecutor();
        eventThreads.add(eventThread);
        WhatsAppClient client = new WhatsAppClient(Connector.noise(transport, KeepAliveConfig.DEFAULT), store, config,
                messaging, mediaHttp, ClientScheduler.of(timers), eventThread, workers, clock);
        client.addListener(events::add);
        client.addMessageListener(messages::add);
        sessions.add(client.session());
        clients.add(client);
        return client;
    }

    /** Our test settings: WhatsApp's defaults with a fast reconnect backoff. */
    static ClientConfig config() {
        return ClientConfig.defaults().withBackoff(
                new FibonacciBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.1, RandomGenerator.of("L64X128MixRandom")));
    }

    /** One-time prekeys in a map. */
    static final class PreKeys implements PreKeyStore {
        final Map<Integer, PreKeyRecord> keys = new ConcurrentHashMap<>();

        @Override
        public Optional<PreKeyRecord> preKey(int id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public void storePreKey(PreKeyRecord record) {
            keys.put(record.id(), record);
        }

        @Override
        public void removePreKey(int id) {
            keys.remove(id);
        }
    }

    @Override
    public void close() {
        sessions.forEach(ClientSession::close);
        clients.forEach(c -> c.media().close());
        if (mediaHttp != null) {
            mediaHttp.close();
        }
        eventThreads.forEach(ExecutorService::shutdownNow);
        workers.shutdownNow();
        timers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
