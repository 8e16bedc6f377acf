package io.tryx.bridge.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The bridge's own Maven version, written into every event's {@code source.bridgeVersion}. */
public final class BridgeVersion {

    private static final String VERSION = load();

    private BridgeVersion() {
    }

    /** The version the build stamped into {@code tryx-bridge.properties} (e.g. {@code 0.1.0-SNAPSHOT}). */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BridgeVersion.class.getResourceAsStream("/io/tryx/bridge/tryx-bridge.properties")) {
            if (in == null) {
                throw new IllegalStateException("tryx-bridge.properties is missing from the bridge jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
