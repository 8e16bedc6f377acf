package io.tryx.bridge.config;

import io.tryx.bridge.config.ConfigException.Reason;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The merged settings (last source wins) with typed readers whose errors name the setting and its origin. */
final class Values {

    private final Map<String, Setting> settings;

    Values(Map<String, Setting> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** The setting, unless unset or blank. */
    Optional<Setting> get(ConfigKey key) {
        return Optional.ofNullable(settings.get(key.key())).filter(s -> !s.value().isBlank());
    }

    /** Kafka client properties by name. */
    Map<String, Setting> kafkaProperties() {
        Map<String, Setting> properties = new TreeMap<>();
        settings.forEach((key, setting) -> {
            if (key.startsWith(ConfigKey.KAFKA_PROPERTIES_PREFIX)) {
                properties.put(key.substring(ConfigKey.KAFKA_PROPERTIES_PREFIX.length()), setting);
            }
        });
        return properties;
    }

    boolean bool(ConfigKey key, Setting setting) {
        String value = setting.value().toLowerCase(Locale.ROOT);
        if (Set.of("true", "yes", "on", "1").contains(value)) {
            return true;
        }
        if (Set.of("false", "no", "off", "0").contains(value)) {
            return false;
        }
        throw invalid(key, setting, "must be true or false");
    }

    int port(ConfigKey key, Setting setting) {
        return integer(key, setting, 0, 65535, "must be a port number 0-65535 (0 picks a free port)");
    }

    int integer(ConfigKey key, Setting setting, int min, int max, String expectation) {
        try {
            int value = Integer.parseInt(setting.value());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, setting, expectation);
    }

    Path path(ConfigKey key, Setting setting, Path base) {
        try {
            return base.resolve(setting.value()).normalize();
        } catch (InvalidPathException e) {
            throw invalid(key, setting, "must be a file system path");
        }
    }

    URI uri(ConfigKey key, Setting setting, Set<String> schemes) {
        try {
            URI uri = new URI(setting.value());
            if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(key, setting, "must be a URL with host and scheme " + String.join(" or ", schemes.stream().sorted().toList()));
    }

    static ConfigException invalid(ConfigKey key, Setting setting, String expectation) {
        return invalid(key.key(), setting, expectation);
    }

    static ConfigException invalid(String key, Setting setting, String expectation) {
        return new ConfigException(Reason.INVALID_VALUE, key,
                key + " " + expectation + "; got '" + setting.value() + "' from " + setting.origin());
    }

    static ConfigException missing(ConfigKey key, String why) {
        return new ConfigException(Reason.MISSING_VALUE, key.key(), key.key() + " (" + key.env()
                + key.flag().map(f -> ", " + f).orElse("") + ") is required " + why);
    }

    static ConfigException conflict(ConfigKey key, Setting setting, String why) {
        return new ConfigException(Reason.CONFLICT, key.key(), key.key() + " from " + setting.origin() + " " + why);
    }
}
