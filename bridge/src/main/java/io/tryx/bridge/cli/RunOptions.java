package io.tryx.bridge.cli;

import io.tryx.bridge.config.ConfigKey;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/** Flags only a command that runs a bridge takes: where its state lives. */
public class RunOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Local state directory (default ./tryx-data). Env TRYX_DATA_DIR.")
    String dataDir;

    @Option(names = "--store", paramLabel = "STORE",
            description = "Account store: SQLite file, jdbc:postgresql://... or memory (default <data-dir>/tryx.db). Env TRYX_STORE.")
    String store;

    Map<ConfigKey, String> flagValues() {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        KafkaOptions.put(values, ConfigKey.DATA_DIR, dataDir);
        KafkaOptions.put(values, ConfigKey.STORE_URL, store);
        return values;
    }
}
