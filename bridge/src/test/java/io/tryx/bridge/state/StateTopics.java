package io.tryx.bridge.state;

import io.tryx.bridge.testkit.KafkaTestEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.TopicConfig;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh compacted state topics on the test broker, and Kafka stores over them. */
final class StateTopics {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private StateTopics() {
    }

    static String create(KafkaTestEnvironment env, int partitions) {
        String name = "state-" + COUNT.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
        return name;
    }

    static KafkaStoreSettings settings(KafkaTestEnvironment env, String topic) {
        return KafkaStoreSettings.defaults(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()),
                topic, topic + "-txn");
    }

    static KafkaStoreBackend open(KafkaTestEnvironment env, String topic) {
        return KafkaStoreBackend.open(settings(env, topic), InstantSource.system());
    }
}
