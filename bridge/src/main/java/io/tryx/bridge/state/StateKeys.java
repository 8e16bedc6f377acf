package io.tryx.bridge.state;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Record keys of the state topic, {@code <account>|<entry key>} (UTF-8; account ids never contain {@code |}), and
 * the partition of an account: the one Kafka's default partitioner gives the account's key in a topic with as
 * many partitions, so an account's state partition is its partition of the commands topic (keyed by account).
 */
final class StateKeys {

    private StateKeys() {
    }

    record Split(String accountId, String entryKey) {
    }

    static String prefix(String accountId) {
        return accountId + "|";
    }

    static byte[] key(String accountId, String entryKey) {
        return (prefix(accountId) + entryKey).getBytes(StandardCharsets.UTF_8);
    }

    static Optional<Split> split(String key) {
        int bar = key.indexOf('|');
        return bar <= 0 ? Optional.empty() : Optional.of(new Split(key.substring(0, bar), key.substring(bar + 1)));
    }

    /** murmur2 of the account id's UTF-8 bytes, like the default partitioner for a record keyed by the account. */
    static int partition(String accountId, int partitions) {
        return Utils.toPositive(Utils.murmur2(accountId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static void requireValid(String accountId) {
        if (accountId.isEmpty() || accountId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("account ids of the Kafka store are non-empty and have no '|': " + accountId);
        }
    }
}
