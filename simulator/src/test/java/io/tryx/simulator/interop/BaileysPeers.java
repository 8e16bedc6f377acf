package io.tryx.simulator.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.awaitility.core.ConditionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulator and the Baileys clients ({@code baileys-client.mjs}) of one test: links clients by QR, calls their
 * socket functions ({@code {"cmd":"sock"}}) and waits for their events. Close it to stop everything.
 */
public final class BaileysPeers implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Simulator simulator;
    final AdminClient admin;
    private final List<NodeScript> clients = new ArrayList<>();
    private final AtomicInteger refs = new AtomicInteger();
    private final Path certificate;
    private final List<String> extraArgs = new ArrayList<>();

    public BaileysPeers() throws InterruptedException {
        this(SimulatorConfig.defaults());
    }

    /**
     * A simulator started with {@code config}; clients trust its TLS certificate ({@code NODE_EXTRA_CA_CERTS}), so
     * {@code wss} and the HTTPS media host work as they would with WhatsApp's.
     */
    public BaileysPeers(SimulatorConfig config) throws InterruptedException {
        NodeScript.home();
        simulator = Simulator.start(config);
        admin = new AdminClient(simulator.adminUrl());
        try {
            certificate = Files.createTempFile("tryx-simulator", ".pem");
            Files.writeString(certificate, simulator.tlsCertificatePem());
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException(e);
        }
    }

    /** The simulator the clients talk to. */
    public Simulator simulator() {
        return simulator;
    }

    /** The simulator's admin API. */
    public AdminClient admin() {
        return admin;
    }

    /**
     * Waits until the client downloaded and decrypted the media message {@code id} and returns its {@code media}
     * event; fails at once on its {@code media-error}.
     */
    public static JsonNode awaitMedia(NodeScript client, String id) {
        Predicate<JsonNode> ofId = e -> id.equals(e.path("id").asText()) && e.path("event").asText().startsWith("media");
        within("media " + id + "\n" + client).until(() -> client.events().stream().anyMatch(ofId));
        JsonNode event = client.events().stream().filter(ofId).findFirst().orElseThrow();
        if (!event.path("event").asText().equals("media")) {
            throw new AssertionError("Baileys could not download media " + id + ": " + event);
        }
        return event;
    }

    /** Clients started from now on send Baileys' downloads from WhatsApp's media host to the simulator's. */
    BaileysPeers redirectMedia() {
        extraArgs.addAll(List.of("--media", simulator.mediaUrl()));
        return this;
    }

    /** Starts a Baileys client on {@code auth} (linked already or not); closed with the peers. */
    NodeScript start(Path auth) {
        List<String> args = new ArrayList<>(List.of("--url", simulator.chatUrl(), "--root", simulator.rootPublicKeyBase64(),
                "--auth", auth.toString()));
        args.addAll(extraArgs);
        NodeScript client = NodeScript.start(Map.of("NODE_EXTRA_CA_CERTS", certificate.toString()), "baileys-client.mjs",
                args.toArray(String[]::new));
        clients.add(client);
        return client;
    }

    /** Awaitility waiting up to {@link #WITHIN}, polling every 10 ms from the start (so timings are not the poll's). */
    public static ConditionFactory within(String alias) {
        return await(alias).atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    /** Creates the account {@code phone} and links a new Baileys client to it. */
    public NodeScript account(String phone, Path auth) {
        assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        return link(phone, auth, 1);
    }

    /** Links a new Baileys client as device {@code deviceId} of the existing account {@code phone}. */
    NodeScript link(String phone, Path auth, int deviceId) {
        NodeScript client = start(auth);
        within("QR\n" + client).until(() -> client.last("qr").isPresent());
        var scanned = admin.post("/admin/accounts/" + phone + "/scan-qr",
                Map.of("qr", client.last("qr").orElseThrow().path("qr").asText()));
        assertThat(scanned.status()).as("%s", scanned.body()).isEqualTo(200);
        assertThat(scanned.body().path("deviceId").asInt()).isEqualTo(deviceId);
        within("open\n" + client).until(() -> client.last("open").isPresent());
        within("prekeys uploaded").until(() ->
                simulator.accounts().findDevice(phone, deviceId).orElseThrow().preKeyCount() > 0);
        return client;
    }

    /**
     * Starts a Baileys client on {@code auth} against {@code simulator} (plain {@code ws}, no harness of peers), has the
     * mock phone of {@code phone} scan its QR and waits until it is open with its prekeys uploaded; the caller closes it.
     */
    public static NodeScript linkedTo(Simulator simulator, AdminClient admin, String phone, Path auth) {
        NodeScript client = NodeScript.start("baileys-client.mjs", "--url", simulator.chatUrl(),
                "--root", simulator.rootPublicKeyBase64(), "--auth", auth.toString());
        within("QR\n" + client).until(() -> client.last("qr").isPresent());
        var scanned = admin.post("/admin/accounts/" + phone + "/scan-qr",
                Map.of("qr", client.last("qr").orElseThrow().path("qr").asText()));
        assertThat(scanned.status()).as("%s", scanned.body()).isEqualTo(200);
        within("open\n" + client).until(() -> client.last("open").isPresent());
        within("prekeys uploaded").until(() -> simulator.accounts().findDevice(phone, 1).orElseThrow().preKeyCount() > 0);
        return client;
    }

    /** Calls {@code sock[op](...args)} in the client and returns its result; fails on an error. */
    static JsonNode call(NodeScript client, String op, Object... args) {
        Result result = tryCall(client, op, args);
        if (!result.ok()) {
            throw new AssertionError(op + " failed: " + result.answer() + "\n" + client);
        }
        return result.answer().path("result");
    }

    /** Calls {@code sock[op](...args)} and returns the answer, an error included. */
    static Result tryCall(NodeScript client, String op, Object... args) {
        String ref = op + "-" + System.nanoTime();
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("cmd", "sock");
        cmd.put("op", op);
        cmd.put("args", Arrays.asList(args));
        cmd.put("ref", ref);
        command(client, cmd);
        Predicate<JsonNode> answer = e -> ref.equals(e.path("ref").asText())
                && (e.path("event").asText().equals("sock-result") || e.path("event").asText().equals("sock-error"));
        within(op + "\n" + client).until(() -> client.events().stream().anyMatch(answer));
        JsonNode event = client.events().stream().filter(answer).findFirst().orElseThrow();
        return new Result(event.path("event").asText().equals("sock-result"), event);
    }

    /** A sock call's answer: {@code sock-result} ({@code ok}) or {@code sock-error}. */
    record Result(boolean ok, JsonNode answer) {
    }

    /** Sends one command line. */
    public static void command(NodeScript client, Map<String, ?> cmd) {
        try {
            client.send(JSON.writeValueAsString(cmd));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a text; returns once Baileys reports it sent. */
    public static String send(NodeScript client, String to, String text) {
        long before = client.count("sent");
        command(client, Map.of("cmd", "send", "to", to, "text", text));
        within("sent '" + text + "'\n" + client).until(() -> client.count("sent") > before);
        return client.last("sent").orElseThrow().path("id").asText();
    }

    /** Waits for a received text. */
    public static JsonNode awaitText(NodeScript client, String text) {
        within("message '" + text + "'\n" + client).until(() -> text(client, text).isPresent());
        return text(client, text).orElseThrow();
    }

    public static Optional<JsonNode> text(NodeScript client, String text) {
        return events(client, "message").stream()
                .filter(e -> !e.path("fromMe").asBoolean() && e.path("text").asText().equals(text)).findFirst();
    }

    /** The client's events named {@code name}. */
    static List<JsonNode> events(NodeScript client, String name) {
        return client.events().stream().filter(e -> e.path("event").asText().equals(name)).toList();
    }

    /** The highest delivery status Baileys reported for a sent message (3 DELIVERY_ACK, 4 READ). */
    public static int status(NodeScript client, String id) {
        return events(client, "receipt").stream().filter(e -> e.path("id").asText().equals(id))
                .mapToInt(e -> e.path("status").asInt()).max().orElse(0);
    }

    @Override
    public void close() {
        clients.forEach(NodeScript::close);
        simulator.close();
        certificate.toFile().delete();
    }
}
