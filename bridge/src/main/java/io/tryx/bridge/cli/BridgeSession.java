package io.tryx.bridge.cli;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.BridgeStarter;
import io.tryx.bridge.client.BridgeClientException;
import io.tryx.bridge.web.StatusServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One bridge run as {@code run} and {@code demo} share it: serve the status page, start the runtime with a
 * Prometheus meter registry, show pairing codes on the terminal, print the ready line once the runtime is ready,
 * do the command's extra work, and on the stop signal close everything in reverse order.
 */
final class BridgeSession {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeSession.class);

    private BridgeSession() {
    }

    /**
     * Runs until the stop signal.
     *
     * @param extraReadyFields added to the ready line
     * @param onReady          started once the bridge is ready; closed before the bridge
     */
    static int run(CliContext context, BridgeConfig config, Map<String, String> extraReadyFields,
                   Function<BridgeRuntime, AutoCloseable> onReady) throws Exception {
        BridgeStarter starter = starter(context);
        createDataDir(config);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMeters(meters);
        AtomicReference<BridgeRuntime> current = new AtomicReference<>();
        try (StatusServer web = StatusServer.start(config.httpPort(), () -> Optional.ofNullable(current.get()), meters)) {
            LOG.info("starting the bridge ({} Kafka, topic prefix {}, store {})",
                    config.kafka().embedded() ? "embedded" : config.kafka().bootstrapServers(), config.topicPrefix(),
                    config.store());
            BridgeRuntime runtime = starter.start(config, meters);
            current.set(runtime);
            try (runtime) {
                QrConsole qr = QrConsole.start(runtime, context.err());
                try {
                    if (!awaitReady(context, runtime)) {
                        return 0;
                    }
                    context.out().println(ReadyLine.format(runtime, web.url(), extraReadyFields));
                    context.out().flush();
                    AutoCloseable extra = onReady.apply(runtime);
                    try {
                        context.shutdown().awaitStop();
                    } finally {
                        extra.close();
                    }
                    LOG.info("stopping the bridge");
                } finally {
                    qr.close();
                    current.set(null);
                }
            }
        } finally {
            meters.close();
            context.shutdown().closed();
        }
        return 0;
    }

    /** The runtime to start; fails when none is on the class path. */
    static BridgeStarter starter(CliContext context) {
        return context.starter().orElseThrow(() -> new BridgeClientException(
                "no bridge runtime on the class path (no io.tryx.bridge.app.BridgeStarter service)"));
    }

    /** Waits for readiness; false when a stop came first. */
    private static boolean awaitReady(CliContext context, BridgeRuntime runtime) throws InterruptedException {
        while (!runtime.ready()) {
            if (context.shutdown().awaitStop(Duration.ofMillis(200))) {
                return false;
            }
        }
        return true;
    }

    private static void createDataDir(BridgeConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
    }

    private static void bindJvmMeters(PrometheusMeterRegistry meters) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
    }
}
