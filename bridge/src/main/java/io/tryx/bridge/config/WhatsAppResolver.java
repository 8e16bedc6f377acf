package io.tryx.bridge.config;

import io.tryx.bridge.app.BridgeConfig.WhatsAppSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The WhatsApp endpoint: the real service by default; for a simulator its chat URL ({@code ws://} or
 * {@code wss://}), its Noise root key (base64 of 32 bytes) and, for {@code wss}, its certificate (a PEM file).
 */
final class WhatsAppResolver {

    private WhatsAppResolver() {
    }

    static WhatsAppSettings resolve(Values values, Path workingDir) {
        URI chatUrl = values.get(ConfigKey.WHATSAPP_CHAT_URL)
                .map(s -> values.uri(ConfigKey.WHATSAPP_CHAT_URL, s, Set.of("ws", "wss")))
                .orElse(WhatsAppSettings.WHATSAPP_WEB);
        Optional<byte[]> root = values.get(ConfigKey.WHATSAPP_NOISE_ROOT).map(WhatsAppResolver::noiseRoot);
        Optional<String> pem = values.get(ConfigKey.WHATSAPP_TLS_CERTIFICATE)
                .map(s -> certificate(ConfigKey.WHATSAPP_TLS_CERTIFICATE,
                        values.path(ConfigKey.WHATSAPP_TLS_CERTIFICATE, s, workingDir), s));
        return new WhatsAppSettings(chatUrl, root, pem);
    }

    private static byte[] noiseRoot(Setting setting) {
        try {
            byte[] key = Base64.getDecoder().decode(setting.value());
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Values.invalid(ConfigKey.WHATSAPP_NOISE_ROOT, setting, "must be base64 of a 32-byte public key");
    }

    static String certificate(ConfigKey key, Path file, Setting setting) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw Values.invalid(key, setting, "must name a readable PEM file (" + e + ")");
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw Values.invalid(key, setting, "must name a PEM file with a certificate");
        }
        return pem;
    }
}
