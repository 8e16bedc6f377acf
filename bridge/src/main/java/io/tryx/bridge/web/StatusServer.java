package io.tryx.bridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The bridge's HTTP face on loopback: {@code /} the status page (accounts, QR codes, pair codes), {@code /api/accounts}
 * and {@code /api/bridge} as JSON, {@code /health} (liveness: the process serves), {@code /ready} (readiness:
 * {@link BridgeRuntime#ready()}, 503 until then) and {@code /metrics} (Prometheus text). It starts before the bridge
 * so health and readiness answer while it boots; {@code bridge} gives the runtime once there is one.
 */
public final class StatusServer implements AutoCloseable {

    /** Content type of the Prometheus text exposition format 0.0.4. */
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<Optional<BridgeRuntime>> bridge;
    private final PrometheusMeterRegistry metrics;

    private StatusServer(HttpServer server, Supplier<Optional<BridgeRuntime>> bridge, PrometheusMeterRegistry metrics) {
        this.server = server;
        this.bridge = bridge;
        this.metrics = metrics;
        this.executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("tryx-http-", 0).factory());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public static StatusServer start(int port, Supplier<Optional<BridgeRuntime>> bridge, PrometheusMeterRegistry metrics) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the status page on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        StatusServer server = new StatusServer(http, bridge, metrics);
        http.start();
        LOG.info("status page on {}", server.url());
        return server;
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOG.warn("status request {} failed", exchange.getRequestURI(), e);
                send(exchange, 500, "application/json", json(Map.of("error", String.valueOf(e.getMessage()))));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            send(exchange, 405, "application/json", json(Map.of("error", "method not allowed")));
            return;
        }
        Optional<BridgeRuntime> runtime = bridge.get();
        switch (exchange.getRequestURI().getPath()) {
            case "/" -> send(exchange, 200, "text/html; charset=utf-8", StatusPage.render(runtime));
            case "/api/accounts" -> send(exchange, 200, "application/json", json(accounts(runtime)));
            case "/api/bridge" -> bridgeInfo(exchange, runtime);
            case "/health" -> send(exchange, 200, "application/json", json(Map.of("status", "UP")));
            case "/ready" -> {
                boolean ready = runtime.map(BridgeRuntime::ready).orElse(false);
                send(exchange, ready ? 200 : 503, "application/json",
                        json(Map.of("status", ready ? "READY" : runtime.isPresent() ? "NOT_READY" : "STARTING")));
            }
            case "/metrics" -> send(exchange, 200, PROMETHEUS_CONTENT_TYPE, metrics.scrape());
            default -> send(exchange, 404, "application/json", json(Map.of("error", "not found")));
        }
    }

    private void bridgeInfo(HttpExchange exchange, Optional<BridgeRuntime> runtime) throws IOException {
        if (runtime.isEmpty()) {
            send(exchange, 503, "application/json", json(Map.of("status", "STARTING")));
            return;
        }
        BridgeRuntime bridge = runtime.get();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("bootstrapServers", bridge.bootstrapServers());
        info.put("schemaRegistryUrl", bridge.schemaRegistryUrl());
        info.put("topicPrefix", bridge.topicPrefix());
        info.put("ready", bridge.ready());
        send(exchange, 200, "application/json", json(info));
    }

    /** The JSON form of the accounts: {@code accountId, jid, state, qrCode, pairCode} (absent values as null). */
    static List<Map<String, Object>> accounts(Optional<BridgeRuntime> runtime) {
        return runtime.map(BridgeRuntime::accounts).orElse(List.of()).stream().map(StatusServer::account).toList();
    }

    private static Map<String, Object> account(AccountStatus status) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountId", status.accountId());
        account.put("jid", status.jid().orElse(null));
        account.put("state", status.state());
        account.put("qrCode", status.qrCode().orElse(null));
        account.put("pairCode", status.pairCode().orElse(null));
        return account;
    }

    private static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
