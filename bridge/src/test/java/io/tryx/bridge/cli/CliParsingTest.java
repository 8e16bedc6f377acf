package io.tryx.bridge.cli;

import io.tryx.bridge.app.BridgeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing, usage errors and configuration errors of the command line; no Kafka needed. */
class CliParsingTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        CliHarness cli = new CliHarness(dir);

        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("run", "demo", "accounts", "send", "tail");
        assertThat(new CliHarness(dir).run("accounts", "--help")).isZero();
    }

    @Test
    void missingOrUnknownArgumentsAreUsageErrors() {
        CliHarness noText = new CliHarness(dir);
        assertThat(noText.run("send", "--account", "15551234567", "--to", "15557654321")).isEqualTo(2);
        assertThat(noText.err()).contains("Missing required argument").contains("--text=TEXT").contains("--media=URL");

        CliHarness unknown = new CliHarness(dir);
        assertThat(unknown.run("launch")).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument");

        CliHarness nothing = new CliHarness(dir);
        assertThat(nothing.run()).isEqualTo(2);
        assertThat(nothing.err()).contains("give a command");

        assertThat(new CliHarness(dir).run("accounts")).isEqualTo(2);
    }

    @Test
    void jidArgumentsAreCheckedAndPhoneNumbersExpanded() {
        CliHarness badAccount = new CliHarness(dir);
        assertThat(badAccount.run("send", "--account", "120363025246125486@g.us", "--to", "1555", "--text", "x")).isEqualTo(2);
        assertThat(badAccount.err()).contains("is not an account");

        CliHarness badChat = new CliHarness(dir);
        assertThat(badChat.run("send", "--account", "15551234567", "--to", "nobody", "--text", "x")).isEqualTo(2);
        assertThat(badChat.err()).contains("neither a phone number nor a JID");

        SendCommand send = parse(new SendCommand(context()), "--account", "+15551234567", "--to", "120363025246125486@g.us",
                "--text", "hello", "--command-id", "c-9", "--timeout", "1500ms");
        var command = send.command();
        assertThat(command.getAccount()).isEqualTo("15551234567@s.whatsapp.net");
        assertThat(command.getCommandId()).isEqualTo("c-9");
        assertThat(send.timeout).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void sendTakesATextOrAMediaUrlWhoseKindComesFromFlagOrExtension() {
        io.tryx.commands.v1.messages.SendMessage image = (io.tryx.commands.v1.messages.SendMessage) parse(
                new SendCommand(context()), "--account", "15551234567", "--to", "15557654321",
                "--media", "https://example.org/pics/sunset.PNG?size=big", "--caption", "the view").command().getAction();
        assertThat(image.getContent()).isInstanceOfSatisfying(io.tryx.commands.v1.OutgoingImage.class, i -> {
            assertThat(((io.tryx.commands.v1.MediaUrl) i.getMedia().getLocation()).getUrl())
                    .isEqualTo("https://example.org/pics/sunset.PNG?size=big");
            assertThat(i.getCaption()).contains("the view");
            assertThat(i.getMedia().getMimetype()).isEmpty();
        });
        Object document = ((io.tryx.commands.v1.messages.SendMessage) parse(new SendCommand(context()), "--account",
                "15551234567", "--to", "15557654321", "--media", "https://example.org/q3/report.pdf",
                "--mimetype", "application/pdf").command().getAction()).getContent();
        assertThat(document).isInstanceOfSatisfying(io.tryx.commands.v1.OutgoingDocument.class, d -> {
            assertThat(d.getFileName()).isEqualTo("report.pdf");
            assertThat(d.getMedia().getMimetype()).contains("application/pdf");
        });
        Object voice = ((io.tryx.commands.v1.messages.SendMessage) parse(new SendCommand(context()), "--account",
                "15551234567", "--to", "15557654321", "--media", "https://example.org/note.bin", "--kind", "voice")
                .command().getAction()).getContent();
        assertThat(voice).isInstanceOfSatisfying(io.tryx.commands.v1.OutgoingAudio.class, a -> assertThat(a.getVoice()).isTrue());
        assertThat(SendContent.guess("clip.mp4")).isEqualTo(SendContent.Kind.VIDEO);
        assertThat(SendContent.guess("smile.webp")).isEqualTo(SendContent.Kind.STICKER);
        assertThat(SendContent.guess("song.mp3")).isEqualTo(SendContent.Kind.AUDIO);
        assertThat(SendContent.guess("archive")).isEqualTo(SendContent.Kind.DOCUMENT);

        CliHarness both = new CliHarness(dir);
        assertThat(both.run("send", "--account", "15551234567", "--to", "15557654321", "--text", "x", "--media",
                "https://example.org/a.png")).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        CliHarness neither = new CliHarness(dir);
        assertThat(neither.run("send", "--account", "15551234567", "--to", "15557654321")).isEqualTo(2);
        assertThat(neither.err()).contains("--text").contains("--media");
    }

    @Test
    void badConfigurationExitsWithTwoAndNamesTheSetting() {
        CliHarness cli = new CliHarness(dir);

        assertThat(cli.run("run", "--http-port", "http")).isEqualTo(2);
        assertThat(cli.err()).contains("configuration error").contains("http.port").contains("--http-port");

        CliHarness env = new CliHarness(dir, Map.of("TRYX_TOPIC_PREFIX", "no spaces allowed"), Optional.empty());
        assertThat(env.run("tail")).isEqualTo(2);
        assertThat(env.err()).contains("topic-prefix").contains("TRYX_TOPIC_PREFIX");
    }

    @Test
    void runWithoutARuntimeOnTheClassPathFailsClearly() {
        CliHarness cli = new CliHarness(dir);

        assertThat(cli.run("run", "--http-port", "0")).isEqualTo(1);
        assertThat(cli.err()).contains("no bridge runtime on the class path");
    }

    @Test
    void runAndDemoResolveTheirFlagsIntoTheConfiguration() {
        RunCommand run = parse(new RunCommand(context()), "--bootstrap-servers", "k:9092", "--schema-registry-url",
                "http://r:8081", "--topic-prefix", "p1", "--data-dir", "d", "--store", "memory", "--http-port", "0",
                "-K", "security.protocol=SSL");
        BridgeConfig config = run.config();

        assertThat(config.kafka().embedded()).isFalse();
        assertThat(config.kafka().bootstrapServers()).isEqualTo("k:9092");
        assertThat(config.kafka().clientProperties()).containsEntry("security.protocol", "SSL");
        assertThat(config.topicPrefix()).isEqualTo("p1");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("d"));
        assertThat(config.store()).isEqualTo(new BridgeConfig.StoreSettings.InMemory());
        assertThat(config.httpPort()).isZero();

        DemoCommand demo = parse(new DemoCommand(context()), "--phone", "15550001111");
        assertThat(demo.phone).isEqualTo("15550001111");
        assertThat(demo.friendPhone).isEqualTo("15550000002");
    }

    @Test
    void clientsOfAnEmbeddedBridgeAskItsStatusEndpointAndSayWhenNoneAnswers() {
        CliHarness cli = new CliHarness(dir);

        assertThat(cli.run("accounts", "list", "--bridge-url", "http://127.0.0.1:1/")).isEqualTo(1);
        assertThat(cli.err()).contains("no bridge answers at http://127.0.0.1:1/");

        CliHarness portZero = new CliHarness(dir);
        assertThat(portZero.run("tail", "--http-port", "0")).isEqualTo(2);
        assertThat(portZero.err()).contains("--bridge-url");
    }

    private CliContext context() {
        return new CliContext(System.out, System.err, Map.of(), dir, Optional.empty(),
                new io.tryx.bridge.demo.PhoneChatDemo(), new ShutdownSignal());
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
