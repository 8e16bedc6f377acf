package io.tryx.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry: starts a {@link Simulator}, prints ONE JSON line on stdout when ready
 * ({@code {"ws","admin","media","rootPublicKey"}}) and runs until SIGTERM/SIGINT, then closes cleanly.
 * Logs go to stderr.
 */
@Command(name = "tryx-simulator", mixinStandardHelpOptions = true,
        description = "WhatsApp server simulator speaking the real wire protocol.")
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Bind address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Chat WebSocket port, 0 = any free port.")
    int port;

    @Option(names = "--admin-port", defaultValue = "0", description = "Admin API port, 0 = any free port.")
    int adminPort;

    @Option(names = "--media-port", defaultValue = "0", description = "HTTPS media port, 0 = any free port.")
    int mediaPort;

    @Option(names = "--tls", description = "TLS (wss) on the chat endpoint, with the media server's self-signed certificate.")
    boolean tls;

    @Option(names = "--phone-inbox-limit", defaultValue = "1000",
            description = "Messages each mock phone keeps in its inbox and chat history; the oldest are dropped (default: ${DEFAULT-VALUE}).")
    int phoneInboxLimit;

    @Option(names = "--compress-above", defaultValue = "4096",
            description = "Stanzas whose encoded node is larger than this many bytes go out zlib-compressed, as WhatsApp "
                    + "sends large stanzas; 0 never compresses (default: ${DEFAULT-VALUE}).")
    int compressAbove;

    private final PrintStream out;
    private final CountDownLatch stop;

    Main(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "simulator-shutdown"));
        System.exit(new CommandLine(new Main(System.out, stop)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (Simulator simulator = Simulator.start(
                new SimulatorConfig(host, port, adminPort, mediaPort, tls, InstantSource.system(), phoneInboxLimit,
                        compressAbove))) {
            out.println(readyLine(simulator));
            out.flush();
            stop.await();
        }
        return 0;
    }

    /** The ready line's JSON. */
    static String readyLine(Simulator simulator) throws Exception {
        Map<String, String> ready = new LinkedHashMap<>();
        ready.put("ws", simulator.chatUrl());
        ready.put("admin", simulator.adminUrl());
        ready.put("media", simulator.mediaUrl());
        ready.put("rootPublicKey", simulator.rootPublicKeyBase64());
        return new ObjectMapper().writeValueAsString(ready);
    }
}
