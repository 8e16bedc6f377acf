package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.status.PostStatus;
import io.tryx.commands.v1.status.RevokeStatus;
import io.tryx.commands.v1.status.TextStatus;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code status} commands between two accounts hosted by one bridge: a text status posted to the other account
 * arrives there as a message event in {@code status@broadcast}, its revoke follows; bad input is refused.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeStatusTest {

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;

    BridgeStatusTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
    }

    @AfterAll
    void stop() {
        fixture.close();
        simulator.close();
    }

    @Test
    void aTextStatusAndItsRevokeReachTheAudienceAsMessageEvents() {
        String ann = fixture.linkByQr("15550002211");
        String bob = fixture.linkByQr("15550002212");
        String posted = sent(fixture.send(ann, PostStatus.newBuilder().setAudience(List.of(bob))
                .setContent(TextStatus.newBuilder().setText("at the beach").setBackgroundArgb(0xFF2277AA).setFont(6).build())
                .build()));
        sent(fixture.send(ann, RevokeStatus.newBuilder().setMessageId(posted).setAudience(List.of(bob)).build()));

        List<GenericRecord> atBob = fixture.messages.await(r -> r.key().equals(bob + "|status@broadcast"), 2, WITHIN)
                .stream().map(ConsumerRecord::value).toList();
        assertThat(atBob.get(0).toString()).contains("at the beach").contains(posted);
        assertThat(((GenericRecord) atBob.get(1).get("content")).getSchema().getName()).isEqualTo("RevokeContent");
        assertThat(((GenericRecord) ((GenericRecord) atBob.get(1).get("content")).get("target")).get("id")).hasToString(posted);

        CommandFailed noAudience = failed(fixture.send(ann, PostStatus.newBuilder().setAudience(List.of())
                .setContent(TextStatus.newBuilder().setText("nobody").build()).build()));
        assertThat(noAudience.getCode().name()).isEqualTo("INVALID_COMMAND");
        CommandFailed badFont = failed(fixture.send(ann, PostStatus.newBuilder().setAudience(List.of(bob))
                .setContent(TextStatus.newBuilder().setText("x").setFont(99).build()).build()));
        assertThat(badFont.getMessage()).contains("font");
    }

    private String sent(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandSucceeded.class);
        return ((CommandSucceeded) status).getMessageId().orElseThrow();
    }

    private CommandFailed failed(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }
}
