package io.tryx.bridge.runtime;

import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.topics.Topics;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code ./tryx demo} script against the built-in simulator: creates a demo account and a friend on the
 * simulator, adds the demo account to the running bridge with an {@code AddAccount} command, lets the account's
 * mock phone scan the QR code the bridge shows, then has the friend's mock phone send a text every few seconds,
 * so events visibly flow. {@link #start} returns once the account is connected; closing stops the chatting.
 */
public final class Demo implements AutoCloseable {

    /** The demo account the bridge links. */
    public static final String ACCOUNT_PHONE = "15550001001";
    /** The friend whose mock phone chats with it. */
    public static final String FRIEND_PHONE = "15550001002";

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(60);

    private final ScheduledExecutorService chatter;

    private Demo(ScheduledExecutorService chatter) {
        this.chatter = chatter;
    }

    /**
     * Links the demo account through {@code bridge} and starts the friend chatting every {@code every}.
     *
     * @param simulatorAdminUrl the simulator's admin base URL ({@code Simulator.adminUrl()})
     * @throws IllegalStateException when the account does not connect within a minute
     */
    public static Demo start(BridgeRuntime bridge, String simulatorAdminUrl, Duration every) {
        SimulatorAdmin admin = new SimulatorAdmin(simulatorAdminUrl);
        String account = admin.createAccount(ACCOUNT_PHONE, "Tryx Demo");
        String friend = admin.createAccount(FRIEND_PHONE, "Demo Friend");
        if (!state(bridge, account).equals("CONNECTED")) {
            addAccount(bridge, account);
            String qr = waitFor(bridge, account, s -> s.qrCode().isPresent()).qrCode().orElseThrow();
            LOG.info("demo: the mock phone of {} scans the QR code", account);
            admin.scanQr(ACCOUNT_PHONE, qr);
            waitFor(bridge, account, s -> s.state().equals("CONNECTED"));
        }
        LOG.info("demo: {} is connected; {} sends it a message every {} s", account, friend, every.toSeconds());
        ScheduledExecutorService chatter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tryx-demo-chatter");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger count = new AtomicInteger();
        chatter.scheduleWithFixedDelay(() -> {
            try {
                admin.sendText(FRIEND_PHONE, account, "Hello from the demo friend #" + count.incrementAndGet()
                        + " at " + Instant.now());
            } catch (RuntimeException e) {
                LOG.warn("demo: the friend's message failed: {}", e.getMessage());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return new Demo(chatter);
    }

    private static void addAccount(BridgeRuntime bridge, String account) {
        try (SchemaRegistryClient registry = SchemaRegistryClient.of(bridge.schemaRegistryUrl());
             KafkaProducer<String, Command> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.bootstrapServers(),
                             ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), new AvroSerializer<>(registry, AvroSerdeOptions.DEFAULTS, false))) {
            Command add = Command.newBuilder().setCommandId("demo-add-" + UUID.randomUUID()).setAccount(account)
                    .setIssuedAt(Instant.now()).setAction(AddAccount.newBuilder().setMode(PairingMode.QR).build()).build();
            producer.send(new ProducerRecord<>(new Topics(bridge.topicPrefix()).commands(), account, add)).get(30, TimeUnit.SECONDS);
            LOG.info("demo: AddAccount {} sent", account);
        } catch (Exception e) {
            throw new IllegalStateException("demo: cannot send the AddAccount command: " + e.getMessage(), e);
        }
    }

    private static String state(BridgeRuntime bridge, String account) {
        return status(bridge, account).map(AccountStatus::state).orElse("ABSENT");
    }

    private static Optional<AccountStatus> status(BridgeRuntime bridge, String account) {
        return bridge.accounts().stream().filter(s -> s.accountId().equals(account)).findFirst();
    }

    private static AccountStatus waitFor(BridgeRuntime bridge, String account,
                                         java.util.function.Predicate<AccountStatus> condition) {
        long deadline = System.nanoTime() + LINK_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<AccountStatus> status = status(bridge, account).filter(condition);
            if (status.isPresent()) {
                return status.get();
            }
            try {
                Thread.sleep(100); // polling the bridge's own status; nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("demo: account " + account + " did not get there within " + LINK_TIMEOUT
                + " (now " + state(bridge, account) + ")");
    }

    /** Stops the friend's chatting (the account stays linked). */
    @Override
    public void close() {
        chatter.shutdownNow();
    }
}
