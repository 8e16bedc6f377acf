package io.tryx.bridge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.HostResources;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.commands.CommandOutputs;
import io.tryx.bridge.commands.CommandPartitions;
import io.tryx.bridge.commands.CommandService;
import io.tryx.bridge.events.AccountEventPublisher;
import io.tryx.bridge.events.EventPublisher;
import io.tryx.bridge.media.AddressPolicy;
import io.tryx.bridge.media.UrlFetcher;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.state.KafkaStoreBackend;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.topics.RecordProducer;
import io.tryx.bridge.topics.TopicProvisioner;
import io.tryx.bridge.app.TopicNames;
import io.tryx.protocol.client.ClientConfig;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.schemas.ContractRuntime;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * Starts the bridge: Kafka and the registry (embedded or external), the topics (created when absent), the
 * idempotent producer, the account store, every stored account and the command consumer (with the Kafka store, the
 * accounts of the command partitions the consumer group assigns, see {@link AccountOwnership}). The launcher calls
 * {@link #start(BridgeConfig, MeterRegistry)}; closing the returned runtime stops it all in reverse order.
 */
public final class Bridge {

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    private Bridge() {
    }

    /** Starts with the {@link RuntimeOptions} defaults and overrides from system properties / environment. */
    public static BridgeRuntime start(BridgeConfig config, MeterRegistry meters) {
        return start(config, RuntimeOptions.fromEnvironment(config.topicPrefix(), System.getProperties(), System.getenv()),
                meters);
    }

    /** Starts with explicit runtime options. Fails (having closed what it started) when a part cannot start. */
    public static BridgeRuntime start(BridgeConfig config, RuntimeOptions options, MeterRegistry meters) {
        ContractRuntime.install();
        Clock clock = Clock.systemUTC();
        Closer closer = new Closer();
        try {
            KafkaEndpoints kafka = KafkaEndpoints.open(config, closer);
            TopicNames topics = new TopicNames(config.topicPrefix());
            try (Admin admin = Admin.create(kafka.with(Map.of()))) {
                new TopicProvisioner(admin, topics, options.topics()).ensureTopics();
            }
            RecordProducer producer = closer.add(new RecordProducer(
                    new KafkaProducer<>(kafka.with(producerSettings()), new ByteArraySerializer(), new ByteArraySerializer()),
                    new AvroSerializer<SpecificRecord>(kafka.registry(), AvroSerdeOptions.DEFAULTS, false)));
            EventPublisher publisher = new EventPublisher(producer, topics, meters);
            StoreBackend store = closer.add(Stores.open(config.store(), kafka, topics, clock));
            HostResources resources = closer.add(new HostResources(config.whatsapp(), config.media(), options.ioThreads(),
                    options.workerThreads()));
            AccountEventPublisher observer = closer.add(new AccountEventPublisher(publisher, meters, clock));
            AccountHost host = closer.add(new AccountHost(resources, store, observer, ClientConfig.defaults(),
                    MessagingConfig.defaults(), clock));
            CommandPartitions ownership = CommandPartitions.NONE;
            if (store instanceof KafkaStoreBackend kafkaStore) {
                publisher.transactions(kafkaStore::publishOnce);
                kafkaStore.listener(new AccountStateListener(host));
                ownership = new AccountOwnership(kafkaStore, host); // accounts start as their partitions are assigned
            } else {
                host.startStored();
            }
            UrlFetcher fetcher = closer.add(new UrlFetcher(config.media().fetchMaxBytes(), config.media().fetchTimeout(),
                    config.media().allowPrivateNetworks() ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY));
            CommandOutputs outputs = store instanceof KafkaStoreBackend kafkaStore
                    ? new CommandOutputs.Transactional(kafkaStore::commitOutputs) : new CommandOutputs.Acknowledged(producer);
            CommandService commands = closer.add(CommandService.start(kafka.with(Map.of()), kafka.registry(), topics,
                    producer, outputs, ownership, host, fetcher, options.commands(), meters, clock));
            LOG.info("bridge started: Kafka {}, registry {}, topics {}.*, {} stored account(s)", kafka.bootstrapServers(),
                    kafka.registryUrl(), config.topicPrefix(), host.statuses().size());
            return new RunningBridge(kafka, config.topicPrefix(), host, commands, meters, closer,
                    store instanceof KafkaStoreBackend kafkaStore ? () -> !kafkaStore.stalled(STALLED) : () -> true);
        } catch (RuntimeException e) {
            closer.close();
            throw e;
        }
    }

    /** A state transaction writing for longer than this makes the bridge not ready (the broker is away). */
    static final java.time.Duration STALLED = java.time.Duration.ofSeconds(5);

    /** Idempotent, {@code acks=all}, ordered (the idempotent producer keeps order with up to 5 requests in flight). */
    private static Map<String, Object> producerSettings() {
        return Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "tryx-bridge");
    }
}
