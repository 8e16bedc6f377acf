package io.tryx.bridge.runtime;

import com.sun.net.httpserver.HttpServer;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.MediaSource;
import io.tryx.commands.v1.MediaUrl;
import io.tryx.commands.v1.OutgoingDocument;
import io.tryx.commands.v1.OutgoingImage;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSRF guard end to end: a bridge with its default media settings refuses media URLs that point at its own host,
 * a private network or the cloud metadata address, answers each with one typed {@code MEDIA_FAILED} result naming
 * {@code FORBIDDEN_ADDRESS}, sends no request there, and keeps serving commands.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaUrlGuardTest {

    private final KafkaTestEnvironment env;
    private final AtomicInteger requests = new AtomicInteger();
    private Simulator simulator;
    private BridgeFixture fixture;
    private HttpServer internal;
    private String ann;
    private String pat;

    MediaUrlGuardTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "internal secret".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        internal.start();
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.allowPrivateMedia = false;
        fixture.startBridge();
        ann = fixture.linkByQr("15550004201");
        pat = fixture.admin.createAccount("15550004209", "Pat");
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (internal != null) {
            internal.stop(0);
        }
    }

    @Test
    void privateMediaUrlsAreTypedFailuresWithoutARequestAndTheBridgeKeepsServing() {
        int port = internal.getAddress().getPort();
        for (String url : new String[] {"http://127.0.0.1:" + port + "/photo.png", "http://localhost:" + port + "/a.png",
                "http://169.254.169.254/latest/meta-data/iam/", "https://10.1.2.3/internal.png"}) {
            String id = fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                    .setContent(OutgoingImage.newBuilder().setMedia(source(url)).build()).build());
            CommandFailed failed = failed(id);
            assertThat(failed.getCode().name()).as(url).isEqualTo("MEDIA_FAILED");
            assertThat(failed.getMessage()).as(url).contains("FORBIDDEN_ADDRESS").contains("public addresses");
            assertThat(failed.getRetryable()).as(url).isFalse();
        }
        String document = fixture.send(ann, SendMessage.newBuilder().setChat(pat).setContent(OutgoingDocument.newBuilder()
                .setMedia(source("http://[::1]:" + port + "/report.pdf")).setFileName("report.pdf").build()).build());
        assertThat(failed(document).getMessage()).contains("FORBIDDEN_ADDRESS");
        assertThat(requests).as("nothing reached the internal server").hasValue(0);

        String after = fixture.send(ann, SendMessage.newBuilder().setChat(pat)
                .setContent(TextContent.newBuilder().setText("still serving").build()).build());
        assertThat(fixture.result(after).getStatus()).isInstanceOf(CommandSucceeded.class);
    }

    private static MediaSource source(String url) {
        return MediaSource.newBuilder().setLocation(MediaUrl.newBuilder().setUrl(url).build()).build();
    }

    private CommandFailed failed(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }
}
