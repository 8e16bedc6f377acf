package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig.StoreSettings;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.state.KafkaStoreBackend;
import io.tryx.bridge.state.KafkaStoreSettings;
import io.tryx.protocol.store.InMemoryStoreBackend;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.sql.StoreBackends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** Opens the account store the configuration names. */
final class Stores {

    private Stores() {
    }

    static StoreBackend open(StoreSettings settings, KafkaEndpoints kafka, TopicNames topics, InstantSource clock) {
        return switch (settings) {
            case StoreSettings.Sqlite sqlite -> {
                createParent(sqlite.file());
                yield StoreBackends.sqlite(sqlite.file());
            }
            case StoreSettings.Postgres pg -> StoreBackends.postgres(pg.jdbcUrl(), pg.user(), pg.password(), pg.poolSize());
            case StoreSettings.InMemory ignored -> new InMemoryStoreBackend();
            case StoreSettings.Kafka k -> KafkaStoreBackend.open(KafkaStoreSettings.defaults(kafka.with(Map.of()),
                    topics.state(), topics.state()).withLinger(k.linger()).withMaxRecords(k.maxRecords()), clock);
        };
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + parent, e);
        }
    }
}
