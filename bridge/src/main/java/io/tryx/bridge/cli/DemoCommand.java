package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeConfig.StoreSettings;
import io.tryx.bridge.app.BridgeConfig.WhatsAppSettings;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.bridge.demo.DemoContext;
import io.tryx.bridge.demo.SimulatorAdmin;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tryx demo}: the bridge against the built-in WhatsApp simulator, offline. Starts the simulator in-process
 * (plain {@code ws}), points the bridge at it (its chat URL and Noise root, an in-memory store since the simulator
 * forgets everything on exit) and, once the bridge is ready, runs the {@link io.tryx.bridge.demo.DemoScript}: create
 * the demo account and a friend on the simulator, link the account, then the friend chats with it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the bridge against the built-in WhatsApp simulator (offline demo).",
                "Prints 'TRYX READY {json}' like run, with the simulator's admin URL and the demo account."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    RunOptions run;

    @Option(names = "--phone", defaultValue = "15550000001", paramLabel = "NUMBER",
            description = "Phone number of the demo account (default ${DEFAULT-VALUE}).")
    String phone;

    @Option(names = "--friend-phone", defaultValue = "15550000002", paramLabel = "NUMBER",
            description = "Phone number of the simulated friend who writes to it (default ${DEFAULT-VALUE}).")
    String friendPhone;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    /** The configuration from flags, environment and file, pointed at {@code simulator} (chat and media hosts). */
    static BridgeConfig config(BridgeConfig base, Simulator simulator) {
        WhatsAppSettings whatsapp = new WhatsAppSettings(URI.create(simulator.chatUrl()),
                Optional.of(simulator.rootPublicKey()), Optional.of(simulator.tlsCertificatePem()));
        return new BridgeConfig(base.kafka(), base.topicPrefix(), new StoreSettings.InMemory(), whatsapp,
                base.httpPort(), base.dataDir(), base.media().trusting(simulator.tlsCertificatePem())
                        .allowingPrivateNetworks());
    }

    @Override
    public Integer call() throws Exception {
        BridgeConfig base = kafka.load(context, run.flagValues());
        BridgeSession.starter(context);
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults());
             SimulatorAdmin admin = new SimulatorAdmin(simulator.adminUrl())) {
            BridgeConfig config = config(base, simulator);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("simulatorAdminUrl", simulator.adminUrl());
            extra.put("demoAccount", phone + "@s.whatsapp.net");
            return BridgeSession.run(context, config, extra, runtime -> {
                BridgeEndpoints endpoints = config.kafka().embedded()
                        ? new BridgeEndpoints(runtime.bootstrapServers(), config.kafka().clientProperties(),
                        runtime.schemaRegistryUrl(), BridgeEndpoints.auth(config.kafka()),
                        new TopicNames(runtime.topicPrefix()))
                        : BridgeEndpoints.of(config.kafka(), config.topicPrefix());
                return context.demoScript().start(
                        new DemoContext(simulator, admin, runtime, endpoints, phone, friendPhone));
            });
        }
    }
}
