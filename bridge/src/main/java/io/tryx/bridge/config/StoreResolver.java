package io.tryx.bridge.config;

import io.tryx.bridge.app.BridgeConfig.StoreSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where account state lives: {@code store.url} ({@code TRYX_STORE}) is a SQLite file path (or
 * {@code jdbc:sqlite:<path>}), a {@code jdbc:postgresql://...} URL with {@code store.user} and
 * {@code store.password}, {@code memory} (nothing survives a restart) or {@code kafka} (group commit tuned by
 * {@code store.kafka.linger-ms} and {@code store.kafka.max-records}). Default: {@code <data-dir>/tryx.db}.
 */
final class StoreResolver {

    private static final String POSTGRES = "jdbc:postgresql:";
    private static final String SQLITE = "jdbc:sqlite:";

    private StoreResolver() {
    }

    static StoreSettings resolve(Values values, Path dataDir, Path workingDir) {
        Optional<Setting> url = values.get(ConfigKey.STORE_URL);
        if (url.isEmpty()) {
            return new StoreSettings.Sqlite(dataDir.resolve(ConfigLoader.DEFAULT_SQLITE_FILE));
        }
        Setting setting = url.get();
        String value = setting.value();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("memory")) {
            return new StoreSettings.InMemory();
        }
        if (lower.equals("kafka")) {
            StoreSettings.Kafka defaults = new StoreSettings.Kafka();
            int linger = values.get(ConfigKey.STORE_KAFKA_LINGER_MS)
                    .map(s -> values.integer(ConfigKey.STORE_KAFKA_LINGER_MS, s, 0, 60_000, "must be 0-60000 ms"))
                    .orElse((int) defaults.linger().toMillis());
            int maxRecords = values.get(ConfigKey.STORE_KAFKA_MAX_RECORDS)
                    .map(s -> values.integer(ConfigKey.STORE_KAFKA_MAX_RECORDS, s, 1, 100_000, "must be 1-100000"))
                    .orElse(defaults.maxRecords());
            return new StoreSettings.Kafka(Duration.ofMillis(linger), maxRecords);
        }
        if (lower.startsWith(POSTGRES)) {
            String user = values.get(ConfigKey.STORE_USER).map(Setting::value)
                    .orElseThrow(() -> Values.missing(ConfigKey.STORE_USER, "for a PostgreSQL store"));
            String password = values.get(ConfigKey.STORE_PASSWORD).map(Setting::value).orElse("");
            int pool = values.get(ConfigKey.STORE_POOL_SIZE)
                    .map(s -> values.integer(ConfigKey.STORE_POOL_SIZE, s, 1, 1000, "must be a number 1-1000"))
                    .orElse(ConfigLoader.DEFAULT_POOL_SIZE);
            return new StoreSettings.Postgres(value, user, password, pool);
        }
        if (lower.startsWith(SQLITE)) {
            return new StoreSettings.Sqlite(values.path(ConfigKey.STORE_URL,
                    new Setting(value.substring(SQLITE.length()), setting.origin()), workingDir));
        }
        if (lower.startsWith("jdbc:") || lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw Values.invalid(ConfigKey.STORE_URL, setting,
                    "must be a SQLite file path, jdbc:sqlite:<path>, jdbc:postgresql://host/db, memory or kafka");
        }
        return new StoreSettings.Sqlite(values.path(ConfigKey.STORE_URL, setting, workingDir));
    }
}
