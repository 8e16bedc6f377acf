package io.tryx.protocol.store;

/** The in-memory backend keeps its state as long as the backend instance lives; "reopen" keeps the instance. */
class InMemoryAccountStoreTest extends AccountStoreContract {

    @Override
    protected StoreBackend newBackend() {
        return new InMemoryStoreBackend();
    }

    @Override
    protected StoreBackend reopen() {
        return backend;
    }
}
