package io.tryx.bridge.testkit;

import io.tryx.bridge.app.TopicNames.EventFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.ErrorCode;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import io.tryx.commands.v1.account.RemoveAccount;
import io.tryx.common.v1.Source;
import io.tryx.events.v1.ConnectionEvent;
import io.tryx.events.v1.PairCodeIssued;
import io.tryx.events.v1.QrCodeIssued;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small but real {@link BridgeRuntime} for the launcher's tests: over real Kafka and the real registry it creates
 * the bridge's topics, consumes the command topic and answers {@code AddAccount} (the account starts "pairing" with
 * a QR or pair code, published as a {@code ConnectionEvent}) and {@code RemoveAccount} with {@code CommandResult}s;
 * every other action fails with {@code UNSUPPORTED}. No WhatsApp behind it: it stands in for the real runtime until
 * both are merged.
 */
public final class MiniBridge implements BridgeRuntime {

    private final String bootstrapServers;
    private final String registryUrl;
    private final TopicNames topics;
    private final MeterRegistry meters;
    private final SchemaRegistryClient registry;
    private final KafkaProducer<String, GenericContainer> producer;
    private final KafkaConsumer<String, Command> commands;
    private final Map<String, AccountStatus> accounts = new LinkedHashMap<>();
    private final AtomicInteger codes = new AtomicInteger();
    private final Thread worker;
    private volatile boolean ready;
    private volatile boolean unready;
    private volatile boolean closed;

    private MiniBridge(String bootstrapServers, String registryUrl, String prefix, MeterRegistry meters) {
        ContractRuntime.install();
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.topics = new TopicNames(prefix);
        this.meters = meters;
        this.registry = SchemaRegistryClient.of(registryUrl);
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false));
        this.commands = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new AvroDeserializer<>(registry, AvroReadMode.specific(Command.class)));
        this.worker = Thread.ofPlatform().daemon().name("mini-bridge-" + prefix).unstarted(this::work);
    }

    /** Starts on the test Kafka with topics named after {@code prefix}. */
    public static MiniBridge start(KafkaTestEnvironment env, String prefix, MeterRegistry meters) {
        return start(env.bootstrapServers(), env.registryUrl(), prefix, meters);
    }

    /** Starts on the (external) Kafka of {@code config}, the way a launcher starts the real runtime. */
    public static MiniBridge start(BridgeConfig config, MeterRegistry meters) {
        return start(config.kafka().bootstrapServers(), config.kafka().schemaRegistryUrl(), config.topicPrefix(), meters);
    }

    private static MiniBridge start(String bootstrapServers, String registryUrl, String prefix, MeterRegistry meters) {
        createTopics(bootstrapServers, new TopicNames(prefix).all());
        MiniBridge bridge = new MiniBridge(bootstrapServers, registryUrl, prefix, meters);
        bridge.worker.start();
        return bridge;
    }

    private static void createTopics(String bootstrapServers, List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var created = admin.createTopics(names.stream().map(name -> new NewTopic(name, 1, (short) 1)).toList()).values();
            for (var topic : created.entrySet()) {
                try {
                    topic.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic.getKey(), e);
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the bridge topics", e);
        }
    }

    private void work() {
        TopicPartition partition = new TopicPartition(topics.commands(), 0);
        try {
            commands.assign(List.of(partition));
            commands.seekToEnd(List.of(partition));
            commands.position(partition);
            ready = true;
            while (!closed) {
                for (ConsumerRecord<String, Command> record : commands.poll(Duration.ofMillis(100))) {
                    handle(record.value());
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer
        } finally {
            ready = false;
            commands.close();
        }
    }

    private void handle(Command command) {
        SpecificRecord action = (SpecificRecord) command.getAction();
        meters.counter("tryx.commands", "action", action.getSchema().getName()).increment();
        Object status = switch (action) {
            case AddAccount add -> add(command.getAccount(), add);
            case RemoveAccount remove -> remove(command.getAccount());
            default -> failed(ErrorCode.UNSUPPORTED, "the mini bridge does not do " + action.getSchema().getName());
        };
        producer.send(new ProducerRecord<>(topics.commandResults(), command.getAccount(),
                CommandResult.newBuilder().setCommandId(command.getCommandId()).setAccount(command.getAccount())
                        .setCompletedAt(Instant.now()).setStatus(status).build()));
        producer.flush();
    }

    private Object add(String account, AddAccount add) {
        synchronized (accounts) {
            if (accounts.containsKey(account)) {
                return failed(ErrorCode.CONFLICT, account + " is already added");
            }
            int n = codes.incrementAndGet();
            boolean qr = add.getMode() != PairingMode.PAIR_CODE;
            String code = qr ? "2@ref" + n + ",bm9pc2Uta2V5LW9mLXRoZS1jb21wYW5pb24=,aWRlbnRpdHk=,YWR2LXNlY3JldA==,1"
                    : "ABCD%04d".formatted(n);
            accounts.put(account, new AccountStatus(account, Optional.empty(), "PAIRING",
                    qr ? Optional.of(code) : Optional.empty(), qr ? Optional.empty() : Optional.of(code)));
            Instant now = Instant.now();
            SpecificRecord state = qr ? QrCodeIssued.newBuilder().setCode(code).setExpiresAt(now.plusSeconds(60)).build()
                    : PairCodeIssued.newBuilder().setCode(code).build();
            producer.send(new ProducerRecord<>(topics.events(TopicNames.EventFamily.CONNECTION), account,
                    ConnectionEvent.newBuilder()
                            .setEventId(EventIds.derive(account, account, Long.toString(now.toEpochMilli()), EventKind.of(state)))
                            .setAccount(account).setChat(account).setTimestamp(now)
                            .setSource(Source.newBuilder().setBridgeVersion("mini").setDevice(account).build())
                            .setState(state).build()));
            return CommandSucceeded.newBuilder().build();
        }
    }

    private Object remove(String account) {
        synchronized (accounts) {
            return accounts.remove(account) != null ? CommandSucceeded.newBuilder().build()
                    : failed(ErrorCode.UNKNOWN_ACCOUNT, account + " is not added");
        }
    }

    private static CommandFailed failed(ErrorCode code, String message) {
        return CommandFailed.newBuilder().setCode(code).setMessage(message).build();
    }

    /** Makes {@link #ready()} false from now on (a bridge that lost Kafka). */
    public void markUnready() {
        unready = true;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String schemaRegistryUrl() {
        return registryUrl;
    }

    @Override
    public String topicPrefix() {
        return topics.prefix();
    }

    @Override
    public List<AccountStatus> accounts() {
        synchronized (accounts) {
            return new ArrayList<>(accounts.values());
        }
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    @Override
    public boolean ready() {
        return ready && !unready;
    }

    @Override
    public void close() {
        closed = true;
        commands.wakeup();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        registry.close();
    }
}
