package io.tryx.bridge.config;

/**
 * One configured value and where it came from ({@code tryx.yaml}, {@code environment variable TRYX_HTTP_PORT},
 * {@code --http-port}), for error messages.
 */
public record Setting(String value, String origin) {
}
