package io.tryx.bridge.topics;

import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.app.TopicNames.EventFamily;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the bridge's topics that do not exist yet. Choices (see bridge/README.md):
 * <ul>
 *   <li>event topics: {@code cleanup.policy=delete} with the configured retention; they are logs of
 *       happenings keyed by account + chat, so compaction would drop a chat's earlier messages;</li>
 *   <li>the connection topic is keyed by account and compacted with {@code min.compaction.lag.ms} = the
 *       retention: its full history stays for that long, after that the latest state of each account
 *       stays for good (a status view can bootstrap from it);</li>
 *   <li>commands and results: deleted after the retention (a command is taken once; results are answers);</li>
 *   <li>dead letters: one partition, kept longer;</li>
 *   <li>state (the Kafka store's changelog): compacted, as many partitions as the commands topic, so an account's
 *       state partition is its command partition.</li>
 * </ul>
 * With three or more replicas, {@code min.insync.replicas} is 2, so an acknowledged event survives a broker loss.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final TopicNames topics;
    private final TopicSettings settings;

    public TopicProvisioner(Admin admin, TopicNames topics, TopicSettings settings) {
        this.admin = admin;
        this.topics = topics;
        this.settings = settings;
    }

    /** Creates what is missing; returns the names it created (empty when all existed). */
    public List<String> ensureTopics() {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            short replicas = replicationFactor();
            List<NewTopic> missing = plan(replicas).stream().filter(t -> !existing.contains(t.name())).toList();
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another bridge creating it at the same time is fine
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.info("created topics {} with replication factor {}", created, replicas);
            }
            return List.copyOf(created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new IllegalStateException("Kafka refused the bridge's credentials (check security.protocol, "
                        + "sasl.mechanism, sasl.jaas.config and the ssl.* settings): " + refused.getMessage(), e);
            }
            if (e.getCause() instanceof AuthorizationException denied) {
                throw new IllegalStateException("Kafka authenticated the bridge but does not allow it to describe or "
                        + "create its topics (check the ACLs): " + denied.getMessage(), e);
            }
            throw new IllegalStateException("cannot create the bridge's topics: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the bridge's topics: Kafka did not answer within " + TIMEOUT
                    + " (are bootstrap servers and security.protocol right?)", e);
        }
    }

    /** The topics the bridge wants, with their settings. */
    public List<NewTopic> plan(short replicas) {
        List<NewTopic> plan = new ArrayList<>();
        for (EventFamily family : EventFamily.values()) {
            Map<String, String> config = family == EventFamily.CONNECTION
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, millis(settings.retention()))
                    : deleteAfter(settings.retention());
            plan.add(topic(topics.events(family), settings.eventPartitions(), replicas, config));
        }
        plan.add(topic(topics.commands(), settings.commandPartitions(), replicas, deleteAfter(settings.retention())));
        plan.add(topic(topics.commandResults(), settings.commandPartitions(), replicas, deleteAfter(settings.retention())));
        plan.add(topic(topics.deadLetter(), 1, replicas, deleteAfter(settings.deadLetterRetention())));
        plan.add(topic(topics.state(), settings.commandPartitions(), replicas,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return plan;
    }

    private static NewTopic topic(String name, int partitions, short replicas, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        if (replicas >= 3) {
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        return new NewTopic(name, partitions, replicas).configs(all);
    }

    private static Map<String, String> deleteAfter(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, millis(retention));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private short replicationFactor() throws ExecutionException, InterruptedException, TimeoutException {
        if (settings.replicationFactor() > 0) {
            return (short) settings.replicationFactor();
        }
        int brokers = admin.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).size();
        return (short) Math.max(1, Math.min(3, brokers));
    }
}
