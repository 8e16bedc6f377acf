package io.tryx.bridge.accounts;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tryx.bridge.app.BridgeConfig.MediaSettings;
import io.tryx.bridge.app.BridgeConfig.WhatsAppSettings;
import io.tryx.protocol.client.ClientScheduler;
import io.tryx.protocol.client.Connector;
import io.tryx.protocol.client.media.MediaConfig;
import io.tryx.protocol.client.media.MediaHttp;
import io.tryx.protocol.transport.KeepAliveConfig;
import io.tryx.protocol.transport.NoiseTransport;
import io.tryx.protocol.transport.TransportConfig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every hosted account shares, so the thread count does not grow with the accounts: one Netty event loop
 * group and Noise transport to the WhatsApp endpoint, one timer thread, a bounded worker pool (decrypting,
 * sending, message listeners and history chunks, which block while Kafka acknowledges) and a small pool under the
 * accounts' serial lifecycle executors, and one HTTPS client of the media hosts ({@link MediaHttp}) trusting what
 * the {@link MediaSettings} say.
 */
public final class HostResources implements AutoCloseable {

    private final EventLoopGroup group;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final ExecutorService lifecycle;
    private final NoiseTransport transport;
    private final MediaHttp mediaHttp;

    public HostResources(WhatsAppSettings whatsapp, MediaSettings media, int ioThreads, int workerThreads) {
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, threads("tryx-io"), NioIoHandler.newFactory());
        this.timers = Executors.newSingleThreadScheduledExecutor(threads("tryx-timer"));
        this.workers = Executors.newFixedThreadPool(workerThreads, threads("tryx-worker"));
        this.lifecycle = Executors.newFixedThreadPool(2, threads("tryx-lifecycle"));
        TransportConfig.Builder transportConfig = TransportConfig.builder().uri(whatsapp.chatUrl());
        whatsapp.noiseRoot().ifPresent(transportConfig::trustedRoot);
        whatsapp.tlsCertificatePem().ifPresent(pem -> transportConfig.tlsTrustAnchors(certificates(pem)));
        this.transport = new NoiseTransport(group, transportConfig.build());
        this.mediaHttp = MediaHttp.create(media.effectiveCertificate(whatsapp)
                .map(pem -> MediaConfig.trusting(certificates(pem))).orElseGet(MediaConfig::defaults));
    }

    /** The media hosts' HTTPS client every account shares. */
    public MediaHttp mediaHttp() {
        return mediaHttp;
    }

    /** Opens Noise connections to the configured endpoint. */
    public Connector connector() {
        return Connector.noise(transport, KeepAliveConfig.DEFAULT);
    }

    public ClientScheduler scheduler() {
        return ClientScheduler.of(timers);
    }

    /** The shared worker pool. */
    public ExecutorService workers() {
        return workers;
    }

    /** A new serial executor for one account's lifecycle events (no thread of its own). */
    public SerialExecutor serialLifecycle() {
        return new SerialExecutor(lifecycle);
    }


    private static List<X509Certificate> certificates(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a configured TLS certificate is not valid PEM: " + e.getMessage(), e);
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the threads; lifecycle events already queued (the accounts' last disconnects) get two seconds to run. */
    @Override
    public void close() {
        lifecycle.shutdown();
        try {
            lifecycle.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycle.shutdownNow();
        workers.shutdownNow();
        mediaHttp.close();
        timers.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
