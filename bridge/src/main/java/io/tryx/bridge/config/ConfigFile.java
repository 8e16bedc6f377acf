package io.tryx.bridge.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tryx.bridge.config.ConfigException.Reason;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a configuration file into flat dotted keys: YAML ({@code .yaml}, {@code .yml}; nested maps join with dots,
 * so {@code kafka: {bootstrap-servers: ...}} is {@code kafka.bootstrap-servers}) or Java properties
 * ({@code .properties}). Empty YAML values count as unset.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static Map<String, Setting> read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(Reason.FILE_UNREADABLE, null, "configuration file not found or not readable: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String origin = file.toString();
        if (name.endsWith(".properties")) {
            return properties(file, origin);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return yaml(file, origin);
        }
        throw new ConfigException(Reason.FILE_MALFORMED, null,
                "configuration file must end in .yaml, .yml or .properties: " + file);
    }

    private static Map<String, Setting> properties(Path file, String origin) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(Reason.FILE_MALFORMED, null, "cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> settings.put(key, new Setting(properties.getProperty(key).trim(), origin)));
        return settings;
    }

    private static Map<String, Setting> yaml(Path file, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(Reason.FILE_MALFORMED, null,
                    "cannot parse " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(Reason.FILE_UNREADABLE, null, "cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new ConfigException(Reason.FILE_MALFORMED, null, file + " must hold a map of settings");
        }
        flatten("", root, origin, settings);
        return settings;
    }

    private static void flatten(String prefix, JsonNode node, String origin, Map<String, Setting> into) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, origin, into);
            } else if (value.isArray()) {
                throw new ConfigException(Reason.FILE_MALFORMED, key, key + " in " + origin + " must be a single value, not a list");
            } else if (!value.isNull()) {
                into.put(key, new Setting(value.asText().trim(), origin));
            }
        }
    }
}
