package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeStarter;
import io.tryx.bridge.demo.DemoScript;
import io.tryx.bridge.demo.PhoneChatDemo;
import io.tryx.bridge.embedded.EmbeddedSchemaRegistry;
import io.tryx.schemas.ContractRuntime;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Entry point of {@code tryx-bridge.jar} ({@code ./tryx}). Prepares the process (Avro trusts the contract's
 * classes; the embedded schema registry is looked for next to the jar when not configured), finds the bridge
 * runtime and the demo script through {@link ServiceLoader}, and runs the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ContractRuntime.install();
        defaultApicurioHome();
        CliContext context = new CliContext(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                ServiceLoader.load(BridgeStarter.class).findFirst(),
                ServiceLoader.load(DemoScript.class).findFirst().orElseGet(PhoneChatDemo::new),
                ShutdownSignal.onJvmShutdown());
        int status = TryxCommand.execute(context, args);
        context.shutdown().closed();
        System.exit(status);
    }

    /** {@code <jar directory>/apicurio} (where the build unpacks it) unless the property or variable names one. */
    private static void defaultApicurioHome() {
        if (System.getProperty(EmbeddedSchemaRegistry.HOME_PROPERTY) != null
                || System.getenv(EmbeddedSchemaRegistry.HOME_ENV) != null) {
            return;
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = jar.resolveSibling("apicurio");
            if (Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
                System.setProperty(EmbeddedSchemaRegistry.HOME_PROPERTY, home.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source location: the registry reports the missing setting when it is needed
        }
    }
}
