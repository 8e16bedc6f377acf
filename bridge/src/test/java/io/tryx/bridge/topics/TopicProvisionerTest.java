package io.tryx.bridge.topics;

import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge's topics are created when absent, with their partitions and retention or compaction, and only once. */
@ExtendWith(KafkaExtension.class)
class TopicProvisionerTest {

    @Test
    void createsEveryTopicOnceWithItsSettings(KafkaTestEnvironment env) throws Exception {
        TopicNames topics = new TopicNames("prov-" + Long.toHexString(System.nanoTime() & 0xffffff));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, topics, TopicSettings.defaults().withEventPartitions(4));

            assertThat(provisioner.ensureTopics()).containsExactlyInAnyOrderElementsOf(topics.all());
            assertThat(provisioner.ensureTopics()).isEmpty();

            var described = admin.describeTopics(topics.all()).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.get(topics.events(EventFamily.MESSAGES)).partitions()).hasSize(4);
            assertThat(described.get(topics.commands()).partitions()).hasSize(3);
            assertThat(described.get(topics.deadLetter()).partitions()).hasSize(1);
            assertThat(described.get(topics.commands()).partitions().getFirst().replicas()).hasSize(1);

            Config messages = config(admin, topics.events(EventFamily.MESSAGES));
            assertThat(messages.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(messages.get("retention.ms").value()).isEqualTo(Long.toString(7L * 24 * 3600 * 1000));
            Config connection = config(admin, topics.events(EventFamily.CONNECTION));
            assertThat(connection.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(connection.get("min.compaction.lag.ms").value()).isEqualTo(Long.toString(7L * 24 * 3600 * 1000));
            assertThat(config(admin, topics.deadLetter()).get("retention.ms").value())
                    .isEqualTo(Long.toString(30L * 24 * 3600 * 1000));
            assertThat(described.get(topics.state()).partitions()).as("like the commands topic").hasSize(3);
            assertThat(config(admin, topics.state()).get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(topics.all()).contains(topics.prefix() + ".events.chat-actions", topics.prefix() + ".command-results")
                .hasSize(14);
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
