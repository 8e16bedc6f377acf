package io.tryx.protocol.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StoreBackend} whose accounts live in memory for the life of the backend. */
public final class InMemoryStoreBackend implements StoreBackend {

    private final Map<String, InMemoryAccountStore> accounts = new ConcurrentHashMap<>();

    @Override
    public AccountStore open(String accountId) {
        return accounts.computeIfAbsent(accountId, InMemoryAccountStore::new);
    }

    @Override
    public List<String> accountIds() {
        return accounts.values().stream().filter(a -> a.load().isPresent()).map(AccountStore::accountId).sorted().toList();
    }

    @Override
    public void close() {
        // nothing to release; the state is gone with the instance
    }
}
