package io.tryx.bridge.runtime;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.commands.CommandPartitions;
import io.tryx.bridge.state.KafkaStoreBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.TreeSet;

/**
 * Which instance runs which accounts, decided by the consumer group of the commands topic (with the Kafka store):
 * an account belongs to the partition of its key, and the instance given that partition runs it. On assignment the
 * partition's state is restored in one read of its changelog partition (which also fences the previous owner's
 * producer) and its registered accounts log in (waited for up to 15 s), before any of its commands is taken; on revocation or loss their
 * WhatsApp connections close and the partition's producer is closed, before another instance may take it. The
 * account registry is the state changelog itself (an account is registered while it has credentials there), so a
 * new owner learns the accounts from Kafka alone.
 */
final class AccountOwnership implements CommandPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOwnership.class);

    /** How long an assignment waits for its accounts to log in before their commands are taken. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(15);

    private final KafkaStoreBackend store;
    private final AccountHost host;

    AccountOwnership(KafkaStoreBackend store, AccountHost host) {
        this.store = store;
        this.host = host;
    }

    @Override
    public void assigned(Set<Integer> partitions) {
        for (int partition : new TreeSet<>(partitions)) {
            long begin = System.nanoTime();
            Set<String> accounts = store.takePartition(partition);
            try {
                host.start(accounts).get(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                LOG.warn("partition {}: not every account is online after {}; taking its commands anyway", partition,
                        CONNECT_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LOG.info("partition {}: taken over, {} account(s) restored and started in {} ms", partition, accounts.size(),
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    @Override
    public void revoked(Set<Integer> partitions) {
        for (String account : host.accountIds()) {
            if (partitions.contains(store.partitionOf(account))) {
                host.release(account, "MOVED");
            }
        }
        partitions.forEach(partition -> store.releasePartition(partition, "the consumer group moved it"));
        LOG.info("partitions {} given up: their accounts run elsewhere now", partitions);
    }
}
