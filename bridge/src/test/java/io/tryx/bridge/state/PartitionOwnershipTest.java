package io.tryx.bridge.state;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking a partition over and giving it up ({@link KafkaStoreBackend#takePartition} /
 * {@link KafkaStoreBackend#releasePartition}): the registry of a partition is its accounts with credentials, read in
 * one pass with their state; a released partition refuses its accounts until taken again; a take fences the other
 * instance that had the partition.
 */
@ExtendWith(KafkaExtension.class)
class PartitionOwnershipTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Jid CHAT = Jid.parse("15550001111@s.whatsapp.net");

    private final KafkaTestEnvironment env;

    PartitionOwnershipTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @Test
    void aTakenPartitionListsItsRegisteredAccountsWithTheirStateAndAReleasedOneRefusesThem() {
        String topic = StateTopics.create(env, 2);
        List<String> accounts = IntStream.range(0, 6).mapToObj(i -> "1555000200" + i + "@s.whatsapp.net").toList();
        try (KafkaStoreBackend first = StateTopics.open(env, topic)) {
            for (String id : accounts) {
                AccountStore store = first.open(id);
                store.save(DeviceCredentials.generate(RANDOM, 1_700_000_000_000L));
                store.storeSentMessage(new SentMessage(CHAT, "ID-" + id, new byte[]{1}, 1));
            }
            first.open("15550002999@s.whatsapp.net").storeSentMessage(new SentMessage(CHAT, "X", new byte[]{1}, 1));
        }
        try (KafkaStoreBackend owner = StateTopics.open(env, topic);
             KafkaStoreBackend other = StateTopics.open(env, topic)) {
            for (int partition = 0; partition < 2; partition++) {
                int p = partition;
                assertThat(owner.takePartition(p)).as("partition %d", p).containsExactlyInAnyOrderElementsOf(
                        accounts.stream().filter(id -> owner.partitionOf(id) == p).toList());
            }
            String account = accounts.getFirst();
            int partition = owner.partitionOf(account);
            assertThat(owner.open(account).sentMessage(CHAT, "ID-" + account)).isPresent();

            owner.releasePartition(partition, "moved");
            assertThatThrownBy(() -> owner.open(account).sentMessage(CHAT, "ID-" + account))
                    .isInstanceOf(StoreException.class);

            // another instance takes it; the owner takes it back, fencing that one
            assertThat(other.takePartition(partition)).contains(account);
            AccountStore elsewhere = other.open(account);
            elsewhere.storeSentMessage(new SentMessage(CHAT, "ELSEWHERE", new byte[]{2}, 2));
            assertThat(owner.takePartition(partition)).contains(account);
            AccountStore back = owner.open(account);
            assertThat(back.sentMessage(CHAT, "ELSEWHERE")).as("written by the other instance").isPresent();
            assertThatThrownBy(() -> elsewhere.storeSentMessage(new SentMessage(CHAT, "ZOMBIE", new byte[]{3}, 3)))
                    .isInstanceOf(StoreException.class);
            assertThat(owner.open(account).sentMessage(CHAT, "ZOMBIE")).isEmpty();
        }
    }
}
