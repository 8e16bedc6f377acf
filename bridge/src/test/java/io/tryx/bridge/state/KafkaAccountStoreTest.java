package io.tryx.bridge.state;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.protocol.store.AccountStoreContract;
import io.tryx.protocol.store.StoreBackend;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared store contract against the Kafka store on the test broker: every test gets a new compacted state
 * topic (3 partitions); "reopen" closes the backend and restores a new one from the topic alone.
 */
@ExtendWith(KafkaExtension.class)
class KafkaAccountStoreTest extends AccountStoreContract {

    private final KafkaTestEnvironment env;
    private String topic;

    KafkaAccountStoreTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @Override
    protected StoreBackend newBackend() {
        topic = StateTopics.create(env, 3);
        return StateTopics.open(env, topic);
    }

    @Override
    protected StoreBackend reopen() {
        backend.close();
        return StateTopics.open(env, topic);
    }
}
