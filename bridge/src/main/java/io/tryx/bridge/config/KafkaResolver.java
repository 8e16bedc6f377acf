package io.tryx.bridge.config;

import io.tryx.bridge.app.BridgeConfig.KafkaSettings;
import io.tryx.bridge.config.ConfigException.Reason;
import io.tryx.bridge.registry.RegistryTlsFiles;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Kafka and schema registry part of the configuration. */
final class KafkaResolver {

    /** Client properties that have their own setting, so may not come in as pass-through properties. */
    private static final Map<String, ConfigKey> OWN_SETTINGS = Map.of("bootstrap.servers", ConfigKey.KAFKA_BOOTSTRAP_SERVERS);

    private KafkaResolver() {
    }

    static KafkaSettings resolve(Values values, Path workingDir) {
        Optional<Setting> bootstrap = values.get(ConfigKey.KAFKA_BOOTSTRAP_SERVERS);
        Optional<Setting> registryUrl = values.get(ConfigKey.SCHEMA_REGISTRY_URL);
        boolean embedded = values.get(ConfigKey.KAFKA_EMBEDDED)
                .map(s -> values.bool(ConfigKey.KAFKA_EMBEDDED, s))
                .orElse(bootstrap.isEmpty());
        Map<String, String> properties = clientProperties(values);
        Optional<String> user = values.get(ConfigKey.SCHEMA_REGISTRY_USER).map(Setting::value);
        Optional<String> password = values.get(ConfigKey.SCHEMA_REGISTRY_PASSWORD).map(Setting::value);
        Optional<Setting> token = values.get(ConfigKey.SCHEMA_REGISTRY_TOKEN);
        if (user.isPresent() != password.isPresent()) {
            throw Values.missing(user.isPresent() ? ConfigKey.SCHEMA_REGISTRY_PASSWORD : ConfigKey.SCHEMA_REGISTRY_USER,
                    "with " + (user.isPresent() ? ConfigKey.SCHEMA_REGISTRY_USER : ConfigKey.SCHEMA_REGISTRY_PASSWORD).key()
                            + " (basic authentication needs both)");
        }
        if (user.isPresent() && token.isPresent()) {
            throw Values.conflict(ConfigKey.SCHEMA_REGISTRY_TOKEN, token.get(),
                    "conflicts with " + ConfigKey.SCHEMA_REGISTRY_USER.key() + ": use basic or bearer authentication, not both");
        }
        RegistryTlsFiles tls = RegistryTlsResolver.resolve(values, workingDir);
        if (embedded) {
            return new KafkaSettings(true, null, properties, null, user, password, token.map(Setting::value), tls);
        }
        String servers = bootstrap.map(KafkaResolver::bootstrapServers)
                .orElseThrow(() -> Values.missing(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, "when kafka.embedded is false"));
        String url = registryUrl.map(s -> values.uri(ConfigKey.SCHEMA_REGISTRY_URL, s, Set.of("http", "https")).toString())
                .orElseThrow(() -> Values.missing(ConfigKey.SCHEMA_REGISTRY_URL,
                        "when Kafka is not embedded (kafka.bootstrap-servers is set)"));
        return new KafkaSettings(false, servers, properties, url, user, password, token.map(Setting::value), tls);
    }

    private static String bootstrapServers(Setting setting) {
        for (String server : setting.value().split(",")) {
            String trimmed = server.trim();
            int colon = trimmed.lastIndexOf(':');
            boolean ok = colon > 0 && colon < trimmed.length() - 1;
            if (ok) {
                try {
                    int port = Integer.parseInt(trimmed.substring(colon + 1));
                    ok = port > 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw Values.invalid(ConfigKey.KAFKA_BOOTSTRAP_SERVERS, setting,
                        "must be a comma-separated list of host:port");
            }
        }
        return setting.value().replace(" ", "");
    }

    private static Map<String, String> clientProperties(Values values) {
        Map<String, String> properties = new LinkedHashMap<>();
        values.kafkaProperties().forEach((name, setting) -> {
            if (!name.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
                throw new ConfigException(Reason.INVALID_VALUE, ConfigKey.KAFKA_PROPERTIES_PREFIX + name,
                        "'" + name + "' from " + setting.origin() + " is not a Kafka client property name");
            }
            ConfigKey own = OWN_SETTINGS.get(name);
            if (own != null) {
                throw Values.conflict(own, setting, "must be given as " + own.key() + " (" + own.env() + ")");
            }
            properties.put(name, setting.value());
        });
        return properties;
    }
}
