package io.tryx.bridge.cli;

import io.tryx.bridge.client.BridgeClientException;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.client.EventTail;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code tryx tail}: prints the bridge's records as JSON lines until stopped. */
@CommandLine.Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow the bridge's topics and print each record as one line of JSON (topic, partition, offset, "
                + "timestamp, key, schema, value), decoded with the writer schema from the registry.")
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--topics", split = ",", defaultValue = "events.*", paramLabel = "GLOB",
            description = "TopicNames below the prefix, comma-separated globs (default ${DEFAULT-VALUE}; e.g. events.messages,command-results).")
    List<String> topics;

    @Option(names = "--max-records", defaultValue = "0", paramLabel = "N",
            description = "Stop after N records (default: run until SIGINT/SIGTERM).")
    long maxRecords;

    private final CliContext context;

    TailCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BridgeEndpoints endpoints = client.endpoints(context);
        try (EventTail tail = new EventTail(endpoints)) {
            List<String> matched = tail.topics(topics);
            if (matched.isEmpty()) {
                throw new BridgeClientException("no topic matches " + String.join(",", topics) + " with prefix '"
                        + endpoints.topics().prefix() + "' at " + endpoints.bootstrapServers());
            }
            context.err().println("following " + String.join(", ", matched));
            tail.follow(matched, fromBeginning, maxRecords, context.shutdown()::stopRequested,
                    line -> {
                        context.out().println(line);
                        context.out().flush();
                    },
                    context.err()::println);
        } finally {
            context.shutdown().closed();
        }
        return 0;
    }
}
