package io.tryx.bridge.runtime;

import io.tryx.bridge.demo.SimulatorAdmin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.Tail;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.topics.TopicSettings;
import io.tryx.bridge.app.TopicNames;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.DeadLetter;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.simulator.Simulator;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bridge under test: the shared test broker and registry, the in-process simulator, a bridge on a fresh topic
 * prefix with a SQLite store (or the {@link #store} set before the start), a producer of commands and tails of the topics (events decoded generically, with
 * the registry alone; results and dead letters as the contract's classes).
 */
final class BridgeFixture implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    final KafkaTestEnvironment env;
    final Simulator simulator;
    final SimulatorAdmin admin;
    final String prefix;
    final TopicNames topics;
    final Path dataDir;
    final SchemaRegistryClient registry;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroSerializer<Command> commands;
    private final AtomicInteger commandIds = new AtomicInteger();
    BridgeRuntime bridge;
    /** The registry the bridge itself talks to (the tests' tails always use the real one). */
    String bridgeRegistryUrl;
    /** Media URLs may reach loopback (the tests serve media from there); false keeps the bridge's SSRF guard on. */
    boolean allowPrivateMedia = true;
    BridgeConfig.StoreSettings store;
    Tail<GenericRecord> connection;
    Tail<GenericRecord> messages;
    Tail<GenericRecord> receipts;
    Tail<GenericRecord> groups;
    Tail<CommandResult> results;
    Tail<DeadLetter> deadLetters;

    BridgeFixture(KafkaTestEnvironment env, Simulator simulator, Path dataDir) {
        this.env = env;
        this.simulator = simulator;
        this.admin = new SimulatorAdmin(simulator.adminUrl());
        this.prefix = "it" + PREFIXES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        this.topics = new TopicNames(prefix);
        this.dataDir = dataDir;
        this.registry = env.registryClient();
        this.bridgeRegistryUrl = env.registryUrl();
        this.producer = new KafkaProducer<>(env.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        this.commands = new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false);
        this.store = new BridgeConfig.StoreSettings.Sqlite(dataDir.resolve("accounts.db"));
    }

    /** The bridge on the simulator: its chat endpoint over ws, its media hosts trusted with its certificate. */
    BridgeConfig config() {
        return new BridgeConfig(
                new BridgeConfig.KafkaSettings(false, env.bootstrapServers(), Map.of(), bridgeRegistryUrl,
                        Optional.empty(), Optional.empty(), Optional.empty()),
                prefix, store,
                new BridgeConfig.WhatsAppSettings(URI.create(simulator.chatUrl()), Optional.of(simulator.rootPublicKey()),
                        Optional.empty()),
                0, dataDir, allowPrivateMedia
                        ? BridgeConfig.MediaSettings.defaults().trusting(simulator.tlsCertificatePem()).allowingPrivateNetworks()
                        : BridgeConfig.MediaSettings.defaults().trusting(simulator.tlsCertificatePem()));
    }

    RuntimeOptions options() {
        return RuntimeOptions.defaults(prefix).withTopics(TopicSettings.defaults().withEventPartitions(2)
                .withCommandPartitions(2));
    }

    /** Starts the bridge (again, after {@link #stopBridge}) and, the first time, the tails. */
    void startBridge() {
        bridge = Bridge.start(config(), options(), meters);
        if (connection == null) {
            connection = genericTail(EventFamily.CONNECTION);
            messages = genericTail(EventFamily.MESSAGES);
            receipts = genericTail(EventFamily.RECEIPTS);
            groups = genericTail(EventFamily.GROUPS);
            results = new Tail<>(env.bootstrapServers(), topics.commandResults(),
                    new AvroDeserializer<>(registry, AvroReadMode.specific(CommandResult.class)));
            deadLetters = new Tail<>(env.bootstrapServers(), topics.deadLetter(),
                    new AvroDeserializer<>(registry, AvroReadMode.specific(DeadLetter.class)));
        }
        await().atMost(WITHIN).until(bridge::ready);
    }

    void stopBridge() {
        bridge.close();
    }

    Tail<GenericRecord> genericTail(EventFamily family) {
        return new Tail<>(env.bootstrapServers(), topics.events(family), new AvroDeserializer<>(registry, AvroReadMode.generic()));
    }

    String nextCommandId() {
        return "cmd-" + commandIds.incrementAndGet();
    }

    /** Sends {@code command} keyed by its account; returns its command id. */
    String send(Command command) {
        sendRaw(command.getAccount().getBytes(StandardCharsets.UTF_8), commands.serialize(topics.commands(), command));
        return command.getCommandId();
    }

    /** Sends a command for {@code account} with {@code action}; returns its command id. */
    String send(String account, Object action) {
        return send(Command.newBuilder().setCommandId(nextCommandId()).setAccount(account).setIssuedAt(Instant.now())
                .setAction(action).build());
    }

    /**
     * Sends {@code command} from another thread, which waits (up to 5 minutes) while the broker is away; the future
     * completes when the broker took it.
     */
    java.util.concurrent.CompletableFuture<Void> sendLater(Command command) {
        byte[] value = commands.serialize(topics.commands(), command);
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            Map<String, Object> config = new java.util.HashMap<>(env.producerConfig());
            config.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
            config.put(org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
            try (KafkaProducer<byte[], byte[]> patient = new KafkaProducer<>(config, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                patient.send(new ProducerRecord<>(topics.commands(), command.getAccount().getBytes(StandardCharsets.UTF_8),
                        value)).get();
            } catch (Exception e) {
                throw new IllegalStateException("command " + command.getCommandId() + " not sent", e);
            }
        });
    }

    void sendRaw(byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topics.commands(), key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one result for {@code commandId}. */
    CommandResult result(String commandId) {
        return results.await(r -> r.value().getCommandId().equals(commandId), WITHIN).value();
    }

    /** The connection event of {@code account} whose state branch is {@code branch}. */
    ConsumerRecord<String, GenericRecord> connectionEvent(String account, String branch) {
        return connection.await(r -> r.key().equals(account) && stateOf(r.value()).equals(branch), WITHIN);
    }

    static String stateOf(GenericRecord connectionEvent) {
        return ((GenericRecord) connectionEvent.get("state")).getSchema().getName();
    }

    Optional<AccountStatus> status(String account) {
        return bridge.accounts().stream().filter(s -> s.accountId().equals(account)).findFirst();
    }

    /**
     * Creates {@code phone} on the simulator, adds it with an AddAccount command, scans the QR code it publishes and
     * waits until it is connected; returns the account JID.
     */
    String linkByQr(String phone) {
        return linkCreatedByQr(phone, admin.createAccount(phone, "User " + phone));
    }

    /** As {@link #linkByQr} for an account already created on the simulator (e.g. with seeded history). */
    String linkCreatedByQr(String phone, String account) {
        String add = send(account, AddAccount.newBuilder().setMode(PairingMode.QR).build());
        GenericRecord qr = (GenericRecord) connectionEvent(account, "QrCodeIssued").value().get("state");
        admin.scanQr(phone, qr.get("code").toString());
        connectionEvent(account, "Connected");
        assertThat(result(add).getStatus()).hasToString(io.tryx.commands.v1.CommandSucceeded.newBuilder().build().toString());
        await().atMost(WITHIN).until(() -> status(account).map(AccountStatus::state).orElse("").equals("CONNECTED"));
        awaitPreKeys(phone, account);
        return account;
    }

    /** Waits until the account's device uploaded its prekeys, so others can start sessions with it. */
    void awaitPreKeys(String phone, String account) {
        int device = io.tryx.protocol.jid.Jid.parse(status(account).orElseThrow().jid().orElseThrow()).device();
        await().atMost(WITHIN).until(() -> simulator.accounts().findDevice(phone, device)
                .map(d -> d.preKeyCount() > 0).orElse(false));
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {bridge, connection, messages, receipts, groups, results, deadLetters,
                producer, registry, admin}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // best effort in teardown
                }
            }
        }
    }
}
