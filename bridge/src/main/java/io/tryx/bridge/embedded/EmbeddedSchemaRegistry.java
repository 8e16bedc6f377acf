package io.tryx.bridge.embedded;

import io.tryx.bridge.registry.Compatibility;
import io.tryx.bridge.registry.RegistryAuth;
import io.tryx.bridge.registry.RegistryTls;
import io.tryx.bridge.registry.RetryPolicy;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry (the Quarkus app distribution from Maven Central) run as a child {@code java} process on
 * 127.0.0.1 with free ports and in-memory storage; its Confluent-compatible API is {@link #url()}. On start it
 * waits until the API answers and sets the global compatibility to BACKWARD, Confluent's default (Apicurio's
 * is NONE). {@link #close} stops the process with SIGTERM (forcibly after a grace period); a shutdown hook
 * does the same if the JVM exits first, so no registry outlives its owner.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    /** System property naming the unpacked Apicurio distribution (the folder holding {@code quarkus-run.jar}). */
    public static final String HOME_PROPERTY = "tryx.apicurio.home";
    /** Environment variable alternative to {@link #HOME_PROPERTY}. */
    public static final String HOME_ENV = "TRYX_APICURIO_HOME";
    /** Path of the Confluent-compatible API below the server root. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Process process;
    private final Thread shutdownHook;
    private final String url;
    private final Path logFile;
    private final Duration startTime;
    private boolean closed;

    private EmbeddedSchemaRegistry(Process process, Thread shutdownHook, String url, Path logFile, Duration startTime) {
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.url = url;
        this.logFile = logFile;
        this.startTime = startTime;
    }

    /** The distribution named by {@link #HOME_PROPERTY} or {@link #HOME_ENV}. */
    public static Path locateHome() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            home = System.getenv(HOME_ENV);
        }
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("no Apicurio Registry distribution: set -D" + HOME_PROPERTY + " or "
                    + HOME_ENV + " (the bridge build unpacks it into bridge/target/apicurio)");
        }
        return Path.of(home);
    }

    /** Starts the registry from the distribution {@link #locateHome()} finds, logging to a temporary file. */
    public static EmbeddedSchemaRegistry start() {
        try {
            return start(locateHome(), Files.createTempFile("tryx-apicurio-", ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the registry is secured. {@code tlsKeyStore}: serve HTTPS only, presenting the certificate of this PKCS12
     * store (Quarkus's TLS registry); {@code basicUsers}: require HTTP Basic authentication on {@code /apis/*} with
     * these users and passwords (Quarkus's embedded properties realm). Client certificates cannot be required: in
     * this distribution {@code quarkus.http.ssl.client-auth} is fixed at build time to NONE. The passwords go to the
     * child process as system properties (visible to local process listings): meant for tests and local runs.
     */
    public record Security(Optional<Path> tlsKeyStore, String tlsKeyStorePassword, Map<String, String> basicUsers) {
        public Security {
            Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
            basicUsers = Map.copyOf(basicUsers);
            if (tlsKeyStore.isPresent() && tlsKeyStorePassword == null) {
                throw new IllegalArgumentException("the TLS key store needs its password");
            }
        }

        /** Plain HTTP, no authentication (the default). */
        public static Security none() {
            return new Security(Optional.empty(), null, Map.of());
        }

        @Override
        public String toString() {
            return "Security[tlsKeyStore=" + tlsKeyStore + ", basicUsers=" + basicUsers.keySet() + "]";
        }
    }

    /** Starts the registry from the unpacked distribution {@code home}, writing its output to {@code logFile}. */
    public static EmbeddedSchemaRegistry start(Path home, Path logFile) {
        return start(home, logFile, Security.none());
    }

    /** Starts the registry secured as {@code security} says; {@link #url()} is {@code https} with TLS. */
    public static EmbeddedSchemaRegistry start(Path home, Path logFile, Security security) {
        Path runner = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("not an Apicurio Registry distribution (no quarkus-run.jar): " + home);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(home, logFile, security);
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("embedded schema registry start attempt {} failed: {}", attempt, e.toString());
            }
        }
        throw new IllegalStateException("embedded schema registry did not start (log: " + logFile + ")", last);
    }

    private static EmbeddedSchemaRegistry startOnce(Path home, Path logFile, Security security) {
        long begin = System.nanoTime();
        int httpPort = FreePorts.pick();
        int managementPort = FreePorts.pick();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.http.access-log.enabled=false"));
        command.addAll(securityOptions(security, httpPort));
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Thread hook = new Thread(() -> stop(process), "tryx-apicurio-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String root = (security.tlsKeyStore().isPresent() ? "https" : "http") + "://127.0.0.1:" + httpPort;
        String url = root + CCOMPAT_PATH;
        Optional<SSLContext> trust = security.tlsKeyStore()
                .map(store -> RegistryTls.trusting(store, security.tlsKeyStorePassword().toCharArray(), "PKCS12"));
        RegistryAuth auth = security.basicUsers().entrySet().stream().findFirst()
                .map(user -> RegistryAuth.basic(user.getKey(), user.getValue())).orElse(RegistryAuth.none());
        try {
            awaitReady(process, URI.create(url + "/subjects"), logFile, trust, auth);
            SchemaRegistryConfig.Builder config = SchemaRegistryConfig.builder(url).retry(RetryPolicy.DEFAULT).auth(auth);
            trust.ifPresent(config::sslContext);
            try (SchemaRegistryClient client = new SchemaRegistryClient(config.build())) {
                client.setGlobalCompatibility(Compatibility.BACKWARD);
            }
        } catch (RuntimeException e) {
            removeHook(hook);
            stop(process);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        LOG.info("embedded schema registry {} ready in {} ms (pid {})", url, took.toMillis(), process.pid());
        return new EmbeddedSchemaRegistry(process, hook, url, logFile, took);
    }

    /** Quarkus settings for TLS on the HTTP port (no plain HTTP left) and Basic users on the API. */
    private static List<String> securityOptions(Security security, int httpPort) {
        List<String> options = new ArrayList<>();
        security.tlsKeyStore().ifPresent(store -> {
            options.add("-Dquarkus.http.ssl-port=" + httpPort);
            options.add("-Dquarkus.http.port=0");
            options.add("-Dquarkus.http.insecure-requests=disabled");
            options.add("-Dquarkus.tls.key-store.p12.path=" + store.toAbsolutePath());
            options.add("-Dquarkus.tls.key-store.p12.password=" + security.tlsKeyStorePassword());
        });
        if (!security.basicUsers().isEmpty()) {
            options.add("-Dquarkus.http.auth.basic=true");
            options.add("-Dquarkus.security.users.embedded.enabled=true");
            options.add("-Dquarkus.security.users.embedded.plain-text=true");
            security.basicUsers().forEach((user, password) ->
                    options.add("-Dquarkus.security.users.embedded.users." + user + "=" + password));
            options.add("-Dquarkus.http.auth.permission.registry.paths=/apis/*");
            options.add("-Dquarkus.http.auth.permission.registry.policy=authenticated");
        }
        return options;
    }

    private static void awaitReady(Process process, URI probe, Path logFile, Optional<SSLContext> trust, RegistryAuth auth) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        trust.ifPresent(builder::sslContext);
        try (HttpClient http = builder.build()) {
            HttpRequest.Builder probing = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET();
            auth.authorizationHeader().ifPresent(value -> probing.header("Authorization", value));
            HttpRequest request = probing.build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Apicurio exited with " + process.exitValue() + " before it was ready: "
                            + tail(logFile));
                }
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Apicurio not ready after " + READY_TIMEOUT + ": " + tail(logFile));
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Apicurio", e);
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:40123/apis/ccompat/v7}. */
    public String url() {
        return url;
    }

    /** How long the start took until the API answered and the global compatibility was set. */
    public Duration startTime() {
        return startTime;
    }

    /** Process id of the registry. */
    public long pid() {
        return process.pid();
    }

    /** Whether the registry process is running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where the registry's output goes. */
    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeHook(shutdownHook);
        stop(process);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs (or ran) and stops the process itself
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Apicurio (pid {}) ignored SIGTERM for {}, killing it", process.pid(), STOP_GRACE);
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
