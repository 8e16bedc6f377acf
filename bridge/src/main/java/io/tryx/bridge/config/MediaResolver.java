package io.tryx.bridge.config;

import io.tryx.bridge.app.BridgeConfig.MediaSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Media: the certificate (a PEM file) the media hosts are trusted with, and the size limit and timeout of fetching
 * media URLs and whether they may reach private networks; unset values keep {@link MediaSettings#defaults()}.
 */
final class MediaResolver {

    private MediaResolver() {
    }

    static MediaSettings resolve(Values values, Path workingDir) {
        MediaSettings defaults = MediaSettings.defaults();
        Optional<String> pem = values.get(ConfigKey.MEDIA_TLS_CERTIFICATE)
                .map(s -> WhatsAppResolver.certificate(ConfigKey.MEDIA_TLS_CERTIFICATE,
                        values.path(ConfigKey.MEDIA_TLS_CERTIFICATE, s, workingDir), s));
        long maxBytes = values.get(ConfigKey.MEDIA_FETCH_MAX_BYTES).map(s -> bytes(s)).orElse(defaults.fetchMaxBytes());
        Duration timeout = values.get(ConfigKey.MEDIA_FETCH_TIMEOUT_SECONDS)
                .map(s -> Duration.ofSeconds(values.integer(ConfigKey.MEDIA_FETCH_TIMEOUT_SECONDS, s, 1, 3600,
                        "must be a number of seconds 1-3600")))
                .orElse(defaults.fetchTimeout());
        boolean allowPrivate = values.get(ConfigKey.MEDIA_ALLOW_PRIVATE_NETWORKS)
                .map(s -> values.bool(ConfigKey.MEDIA_ALLOW_PRIVATE_NETWORKS, s))
                .orElse(defaults.allowPrivateNetworks());
        return new MediaSettings(pem, maxBytes, timeout, allowPrivate);
    }

    private static long bytes(Setting setting) {
        try {
            long value = Long.parseLong(setting.value());
            if (value >= 1 && value <= 4L * 1024 * 1024 * 1024) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Values.invalid(ConfigKey.MEDIA_FETCH_MAX_BYTES, setting, "must be a number of bytes 1-4294967296");
    }
}
