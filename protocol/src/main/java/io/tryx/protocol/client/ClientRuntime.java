package io.tryx.protocol.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.client.messaging.OrderedLanes;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.transport.KeepAliveConfig;
import io.tryx.protocol.transport.NoiseTransport;
import io.tryx.protocol.transport.TransportConfig;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hosts many accounts on shared resources: one Netty event loop group for every connection, one timer
 * thread, one worker pool for decryption, stores and listeners, one media HTTP client. Each account's lifecycle events run in
 * order on its own lane of the worker pool, so an account costs memory, never a thread.
 */
public final class ClientRuntime implements AutoCloseable {

    /**
     * How to size and configure a runtime.
     *
     * @param transport     the endpoint and its trust (every account of the runtime connects there)
     * @param keepAlive     ping schedule
     * @param client        lifecycle settings (version, backoff, prekeys)
     * @param messaging     messaging settings
     * @param ioThreads     Netty event loop threads (0: Netty's default, twice the cores)
     * @param workerThreads threads for decryption, stores and listeners
     */
    public record Settings(TransportConfig transport, KeepAliveConfig keepAlive, ClientConfig client,
                           MessagingConfig messaging, int ioThreads, int workerThreads) {
        public Settings {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(keepAlive, "keepAlive");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(messaging, "messaging");
            if (ioThreads < 0 || workerThreads < 1) {
                throw new IllegalArgumentException("ioThreads >= 0 and workerThreads >= 1 required");
            }
        }

        /** Defaults for {@code transport}: 2 IO threads and as many workers as cores. */
        public static Settings of(TransportConfig transport) {
            return new Settings(transport, KeepAliveConfig.DEFAULT, ClientConfig.defaults(), MessagingConfig.defaults(),
                    2, Math.max(2, Runtime.getRuntime().availableProcessors()));
        }
    }

    private final Settings settings;
    private final EventLoopGroup group;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final OrderedLanes<String> eventLanes;
    private final Connector connector;
    private final InstantSource clock;
    private final List<WhatsAppClient> clients = new CopyOnWriteArrayList<>();
    private final io.tryx.protocol.client.media.MediaHttp mediaHttp;

    public ClientRuntime(Settings settings, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), NioIoHandler.newFactory());
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tryx-timers").daemon().factory());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(),
                r -> Thread.ofPlatform().name("tryx-worker-" + n.incrementAndGet()).daemon().unstarted(r));
        this.eventLanes = new OrderedLanes<>(workers);
        this.connector = Connector.noise(new NoiseTransport(group, settings.transport()), settings.keepAlive());
        List<java.security.cert.X509Certificate> anchors = settings.transport().tlsTrustAnchors();
        this.mediaHttp = io.tryx.protocol.client.media.MediaHttp.create(anchors.isEmpty()
                ? io.tryx.protocol.client.media.MediaConfig.defaults()
                : io.tryx.protocol.client.media.MediaConfig.trusting(anchors));
    }

    /**
     * A client for the account kept in {@code store} (registered listeners first, then {@link WhatsAppClient#start()}).
     * Its lifecycle events arrive in order on a lane named after {@link AccountStore#accountId()}.
     */
    public WhatsAppClient newClient(AccountStore store) {
        String lane = store.accountId();
        WhatsAppClient client = new WhatsAppClient(connector, store, settings.client(), settings.messaging(), mediaHttp,
                ClientScheduler.of(timers), task -> eventLanes.run(lane, () -> {
                    task.run();
                    return null;
                }), workers, clock);
        clients.add(client);
        return client;
    }

    /** Stops a client and forgets it. */
    public void remove(WhatsAppClient client) {
        clients.remove(client);
        client.close();
    }

    /** The clients created and not removed. */
    public List<WhatsAppClient> clients() {
        return List.copyOf(clients);
    }

    /** Closes every client, then the shared threads. */
    @Override
    public void close() {
        clients.forEach(WhatsAppClient::close);
        clients.clear();
        mediaHttp.close();
        workers.shutdown();
        timers.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
