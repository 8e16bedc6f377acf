package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.client.StatusClient;
import io.tryx.bridge.config.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Map;

/**
 * How the client commands ({@code send}, {@code accounts}, {@code tail}) reach a bridge: with external Kafka
 * straight from the configuration; with embedded Kafka (whose address changes every run) through the running
 * bridge's {@code /api/bridge} at {@code --bridge-url} or {@code http://127.0.0.1:<http.port>/}.
 */
public class ClientOptions {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--bridge-url", paramLabel = "URL",
            description = "Status URL of the running bridge (its TRYX READY line's statusUrl); default http://127.0.0.1:<http port>/.")
    URI bridgeUrl;

    /** The configuration the flags, environment and file give. */
    BridgeConfig config(CliContext context) {
        return kafka.load(context, Map.of());
    }

    /** Where the bridge's topics are. */
    BridgeEndpoints endpoints(CliContext context) {
        BridgeConfig config = config(context);
        if (!config.kafka().embedded()) {
            return BridgeEndpoints.of(config.kafka(), config.topicPrefix());
        }
        return status(config).endpoints();
    }

    /** The running bridge's HTTP API. */
    StatusClient status(BridgeConfig config) {
        if (bridgeUrl != null) {
            return new StatusClient(bridgeUrl);
        }
        if (config.httpPort() == 0) {
            throw new ConfigException(ConfigException.Reason.MISSING_VALUE, "http.port",
                    "http.port is 0 (any free port): give the bridge's status URL with --bridge-url");
        }
        return new StatusClient(URI.create("http://127.0.0.1:" + config.httpPort() + "/"));
    }
}
