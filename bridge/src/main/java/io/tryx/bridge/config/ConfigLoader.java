package io.tryx.bridge.config;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeConfig.KafkaSettings;
import io.tryx.bridge.app.BridgeConfig.StoreSettings;
import io.tryx.bridge.app.BridgeConfig.WhatsAppSettings;
import io.tryx.bridge.config.ConfigException.Reason;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Resolves the launcher's configuration into a {@link BridgeConfig}. Sources, each overriding the previous:
 * built-in defaults, the configuration file ({@code --config}, else {@code ./tryx.yaml} when present), the
 * environment ({@code TRYX_*}, see {@link ConfigKey}), command-line flags. Every bad value is a
 * {@link ConfigException} naming the setting and where the value came from. Reads files; creates nothing.
 *
 * <p>Kafka is embedded (an in-process broker and a local registry) unless bootstrap servers are configured;
 * {@code kafka.embedded} says so explicitly.
 */
public final class ConfigLoader {

    /** The file read when no {@code --config} is given, if it exists in the working directory. */
    public static final String DEFAULT_FILE = "tryx.yaml";
    public static final String DEFAULT_TOPIC_PREFIX = "tryx";
    public static final int DEFAULT_HTTP_PORT = 8787;
    public static final String DEFAULT_DATA_DIR = "tryx-data";
    /** The SQLite file name inside the data directory when no store is configured. */
    public static final String DEFAULT_SQLITE_FILE = "tryx.db";
    public static final int DEFAULT_POOL_SIZE = 10;

    private final Path workingDir;
    private final Map<String, String> env;

    /** A loader resolving relative paths against {@code workingDir} and reading {@code env} as the environment. */
    public ConfigLoader(Path workingDir, Map<String, String> env) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
    }

    /**
     * Command-line values: settings by key and Kafka client properties ({@code --kafka-property name=value}).
     */
    public record Flags(Map<ConfigKey, String> values, Map<String, String> kafkaProperties) {
        public Flags {
            values = Map.copyOf(values);
            kafkaProperties = Map.copyOf(kafkaProperties);
        }

        public static Flags none() {
            return new Flags(Map.of(), Map.of());
        }
    }

    /** Resolves the configuration from {@code file} (or the default file), the environment and {@code flags}. */
    public BridgeConfig load(Optional<Path> file, Flags flags) {
        Map<String, Setting> layered = new LinkedHashMap<>();
        configFile(file).ifPresent(path -> layered.putAll(checkedFileKeys(ConfigFile.read(path))));
        layered.putAll(environment());
        flags.values().forEach((key, value) -> layered.put(key.key(),
                new Setting(value, key.flag().orElse(key.key()))));
        flags.kafkaProperties().forEach((name, value) -> layered.put(ConfigKey.KAFKA_PROPERTIES_PREFIX + name,
                new Setting(value, "--kafka-property " + name)));
        return resolve(new Values(layered));
    }

    /** The file to read: the one given (resolved against the working directory), else the default when it exists. */
    Optional<Path> configFile(Optional<Path> given) {
        if (given.isPresent()) {
            return Optional.of(workingDir.resolve(given.get()));
        }
        Path fallback = workingDir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private static Map<String, Setting> checkedFileKeys(Map<String, Setting> file) {
        file.forEach((key, setting) -> {
            if (ConfigKey.byKey(key).isEmpty() && !isKafkaProperty(key)) {
                throw new ConfigException(Reason.UNKNOWN_KEY, key, "unknown setting '" + key + "' in " + setting.origin()
                        + "; known settings: " + java.util.Arrays.stream(ConfigKey.values()).map(ConfigKey::key)
                        .collect(Collectors.joining(", ")) + ", " + ConfigKey.KAFKA_PROPERTIES_PREFIX + "<client property>");
            }
        });
        return file;
    }

    private static boolean isKafkaProperty(String key) {
        return key.startsWith(ConfigKey.KAFKA_PROPERTIES_PREFIX) && key.length() > ConfigKey.KAFKA_PROPERTIES_PREFIX.length();
    }

    private Map<String, Setting> environment() {
        Map<String, Setting> settings = new TreeMap<>();
        env.forEach((name, value) -> {
            String origin = "environment variable " + name;
            Optional<ConfigKey> key = ConfigKey.byEnv(name);
            if (key.isPresent()) {
                settings.put(key.get().key(), new Setting(value.trim(), origin));
            } else if (name.startsWith(ConfigKey.KAFKA_ENV_PREFIX) && name.length() > ConfigKey.KAFKA_ENV_PREFIX.length()) {
                String property = name.substring(ConfigKey.KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                settings.put(ConfigKey.KAFKA_PROPERTIES_PREFIX + property, new Setting(value.trim(), origin));
            }
        });
        return settings;
    }

    private BridgeConfig resolve(Values values) {
        Path dataDir = values.get(ConfigKey.DATA_DIR).map(s -> values.path(ConfigKey.DATA_DIR, s, workingDir))
                .orElse(workingDir.resolve(DEFAULT_DATA_DIR));
        KafkaSettings kafka = KafkaResolver.resolve(values, workingDir);
        String prefix = values.get(ConfigKey.TOPIC_PREFIX).map(s -> topicPrefix(s)).orElse(DEFAULT_TOPIC_PREFIX);
        StoreSettings store = StoreResolver.resolve(values, dataDir, workingDir);
        int httpPort = values.get(ConfigKey.HTTP_PORT).map(s -> values.port(ConfigKey.HTTP_PORT, s)).orElse(DEFAULT_HTTP_PORT);
        WhatsAppSettings whatsapp = WhatsAppResolver.resolve(values, workingDir);
        return new BridgeConfig(kafka, prefix, store, whatsapp, httpPort, dataDir, MediaResolver.resolve(values, workingDir));
    }

    private static String topicPrefix(Setting setting) {
        if (!setting.value().matches("[A-Za-z0-9._-]{1,100}")) {
            throw Values.invalid(ConfigKey.TOPIC_PREFIX, setting, "must be 1-100 characters of A-Z a-z 0-9 . _ -");
        }
        return setting.value();
    }
}
