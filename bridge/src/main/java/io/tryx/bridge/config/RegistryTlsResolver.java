package io.tryx.bridge.config;

import io.tryx.bridge.registry.RegistryTls;
import io.tryx.bridge.registry.RegistryTlsFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The schema registry's TLS files ({@code schema-registry.tls.*}): each file must exist and be readable with its
 * password now, so a wrong path or password is reported at start with the setting's name and origin rather than on
 * the first registry call.
 */
final class RegistryTlsResolver {

    private RegistryTlsResolver() {
    }

    static RegistryTlsFiles resolve(Values values, Path workingDir) {
        Optional<Path> trust = file(values, ConfigKey.SCHEMA_REGISTRY_TRUST_STORE, workingDir);
        Optional<String> trustPassword = values.get(ConfigKey.SCHEMA_REGISTRY_TRUST_STORE_PASSWORD).map(Setting::value);
        Optional<Path> keyStore = file(values, ConfigKey.SCHEMA_REGISTRY_KEY_STORE, workingDir);
        Optional<String> keyPassword = values.get(ConfigKey.SCHEMA_REGISTRY_KEY_STORE_PASSWORD).map(Setting::value);
        Optional<Path> key = file(values, ConfigKey.SCHEMA_REGISTRY_KEY, workingDir);
        if (key.isPresent() && keyStore.isEmpty()) {
            throw Values.missing(ConfigKey.SCHEMA_REGISTRY_KEY_STORE, "with " + ConfigKey.SCHEMA_REGISTRY_KEY.key()
                    + " (the client certificate the key belongs to)");
        }
        trust.ifPresent(path -> check(values, ConfigKey.SCHEMA_REGISTRY_TRUST_STORE,
                () -> RegistryTls.trustManagers(path, chars(trustPassword))));
        keyStore.ifPresent(path -> check(values, ConfigKey.SCHEMA_REGISTRY_KEY_STORE,
                () -> RegistryTls.keyManagers(path, chars(keyPassword), key.orElse(null))));
        return new RegistryTlsFiles(trust, trustPassword, keyStore, keyPassword, key);
    }

    private static Optional<Path> file(Values values, ConfigKey key, Path workingDir) {
        return values.get(key).map(setting -> {
            Path path = values.path(key, setting, workingDir);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw Values.invalid(key, setting, "must name a readable file");
            }
            return path;
        });
    }

    private static void check(Values values, ConfigKey key, Runnable load) {
        try {
            load.run();
        } catch (IllegalArgumentException e) {
            Setting setting = values.get(key).orElseThrow();
            throw new ConfigException(ConfigException.Reason.INVALID_VALUE, key.key(),
                    key.key() + " from " + setting.origin() + ": " + e.getMessage(), e);
        }
    }

    private static char[] chars(Optional<String> password) {
        return password.map(String::toCharArray).orElse(null);
    }
}
