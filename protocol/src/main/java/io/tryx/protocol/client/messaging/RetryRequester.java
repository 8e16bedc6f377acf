package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.PreKeyAllocator;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the sender of a message we could not decrypt to send it again: a {@code receipt type="retry"} with the
 * attempt count (per message id, continuing from the {@code count} of a resent message after a restart), our
 * registration id and, from the second attempt on, our keys with a fresh one-time prekey so the sender can build
 * a new session. The prekey comes from the account's {@link PreKeyAllocator} (so its id never collides with a
 * refill's) and is stored, with the next id advanced, before the receipt leaves. Gives up after
 * {@value #MAX_RETRIES} attempts. Thread-safe.
 */
final class RetryRequester {

    static final int MAX_RETRIES = 5;
    private static final int REMEMBERED = 4096;

    private final AccountStore store;
    private final PreKeyAllocator allocator;
    private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    RetryRequester(AccountStore store, PreKeyAllocator allocator) {
        this.store = store;
        this.allocator = allocator;
    }

    /**
     * The retry receipt for {@code message}, or empty once the attempts are exhausted. Call with the Signal
     * lock held: it stores a new one-time prekey.
     */
    Optional<Node> retryReceipt(Node message) {
        String id = message.attrs().string("id");
        int inMessage = message.children("enc").stream().findFirst()
                .flatMap(e -> e.attrs().optionalLong("count")).map(Long::intValue).orElse(0);
        int count;
        synchronized (counts) {
            count = counts.merge(id, 1, Integer::sum);
            if (count == 1 && inMessage > 0) {
                count = inMessage + 1;
                counts.put(id, count);
            }
        }
        if (count >= MAX_RETRIES) {
            return Optional.empty();
        }
        DeviceCredentials credentials = store.load().orElseThrow(() -> new IllegalStateException("not paired"));
        MessagingNodes.RetryKeys keys = null;
        if (count > 1) {
            PreKeyRecord preKey = allocator.allocate(1).getFirst(); // the refill allocates from the same ids
            keys = new MessagingNodes.RetryKeys(credentials.identity().publicKey().publicKey(), preKey,
                    credentials.signedPreKey(), credentials.account());
        }
        return Optional.of(MessagingNodes.retryReceipt(message, count, credentials.registrationId(), keys));
    }
}
