package io.tryx.bridge.runtime;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.common.v1.MessageKey;
import io.tryx.common.v1.TextContent;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.messages.EditMessage;
import io.tryx.commands.v1.messages.MarkRead;
import io.tryx.commands.v1.messages.RevokeMessage;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.commands.v1.messages.SendReaction;
import io.tryx.commands.v1.polls.CreatePoll;
import io.tryx.commands.v1.polls.VotePoll;
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
 * Commands that act on messages (edit, revoke, reaction removal, played receipts) and polls (create, vote), between
 * two accounts hosted by one bridge, checked as the other account's events decoded with the registry alone.
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeMessageActionsTest {

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;

    BridgeMessageActionsTest(KafkaTestEnvironment env) {
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
    void editsRevokesReactionRemovalsAndPollVotesArriveAsTheirEvents() {
        String ann = fixture.linkByQr("15550002111");
        String bob = fixture.linkByQr("15550002112");
        String first = sent(fixture.send(ann, SendMessage.newBuilder().setChat(bob)
                .setContent(TextContent.newBuilder().setText("see you at 8").build()).build()));
        MessageKey ours = MessageKey.newBuilder().setChat(bob).setId(first).setFromMe(true).build();
        MessageKey theirs = MessageKey.newBuilder().setChat(ann).setId(first).setFromMe(false).build();

        sent(fixture.send(ann, EditMessage.newBuilder().setMessage(ours).setText("see you at 9").build()));
        sent(fixture.send(bob, SendReaction.newBuilder().setMessage(theirs).setEmoji("👍").build()));
        sent(fixture.send(bob, SendReaction.newBuilder().setMessage(theirs).setEmoji("").build()));
        assertThat(fixture.result(fixture.send(bob, MarkRead.newBuilder().setChat(ann).setMessageIds(List.of(first))
                .setPlayed(true).build())).getStatus()).isInstanceOf(CommandSucceeded.class);
        String poll = sent(fixture.send(ann, CreatePoll.newBuilder().setChat(bob).setName("Where?")
                .setOptions(List.of("Bar", "Park")).setSelectableCount(1).build()));
        // Bob can vote once his client received the poll (and kept its secret): the server's ack to Ann is not that
        fixture.messages.await(r -> r.key().equals(bob + "|" + ann)
                && ((GenericRecord) r.value().get("key")).get("id").toString().equals(poll), WITHIN);
        sent(fixture.send(bob, VotePoll.newBuilder().setPoll(MessageKey.newBuilder().setChat(ann).setId(poll).setFromMe(false)
                .build()).setSelectedOptions(List.of("Park")).build()));
        sent(fixture.send(bob, SendReaction.newBuilder().setMessage(MessageKey.newBuilder().setChat(ann).setId(poll)
                .setFromMe(false).build()).setEmoji("🎉").setEncrypted(true).build()));
        sent(fixture.send(ann, RevokeMessage.newBuilder().setMessage(ours).build()));

        List<GenericRecord> atBob = fixture.messages.await(r -> r.key().equals(bob + "|" + ann), 4, WITHIN).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(atBob).extracting(m -> ((GenericRecord) m.get("content")).getSchema().getName())
                .containsExactly("TextContent", "EditContent", "PollCreateContent", "RevokeContent");
        GenericRecord edit = (GenericRecord) atBob.get(1).get("content");
        assertThat(((GenericRecord) edit.get("target")).get("id")).hasToString(first);
        assertThat(edit.toString()).contains("see you at 9");
        GenericRecord createdPoll = (GenericRecord) atBob.get(2).get("content");
        assertThat((List<?>) createdPoll.get("options")).extracting(Object::toString).containsExactly("Bar", "Park");
        assertThat(((GenericRecord) ((GenericRecord) atBob.get(3).get("content")).get("target")).get("id")).hasToString(first);

        List<GenericRecord> atAnn = fixture.messages.await(r -> r.key().equals(ann + "|" + bob), 4, WITHIN).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(atAnn).extracting(m -> ((GenericRecord) m.get("content")).getSchema().getName())
                .containsExactly("ReactionContent", "ReactionContent", "PollVoteContent", "ReactionContent");
        GenericRecord encrypted = (GenericRecord) atAnn.get(3).get("content");
        assertThat(encrypted.get("emoji")).as("decrypted with the poll's secret").hasToString("🎉");
        assertThat(((GenericRecord) encrypted.get("target")).get("id")).hasToString(poll);
        assertThat(((GenericRecord) atAnn.get(0).get("content")).get("emoji")).hasToString("👍");
        assertThat(((GenericRecord) atAnn.get(1).get("content")).get("emoji")).hasToString("");
        GenericRecord vote = (GenericRecord) atAnn.get(2).get("content");
        assertThat(((GenericRecord) vote.get("poll")).get("id")).hasToString(poll);
        assertThat(((GenericRecord) vote.get("poll")).get("fromMe")).isEqualTo(true);
        assertThat((List<?>) vote.get("selectedOptions")).extracting(Object::toString).containsExactly("Park");
        fixture.receipts.await(r -> r.key().equals(ann + "|" + bob) && r.value().get("type").toString().equals("PLAYED"), WITHIN);

        CommandFailed unknownOption = failed(fixture.send(bob, VotePoll.newBuilder().setPoll(MessageKey.newBuilder()
                .setChat(ann).setId(poll).setFromMe(false).build()).setSelectedOptions(List.of("Moon")).build()));
        assertThat(unknownOption.getCode().name()).isEqualTo("INVALID_COMMAND");
        assertThat(unknownOption.getMessage()).contains("Moon");
        CommandFailed noSecret = failed(fixture.send(bob, SendReaction.newBuilder().setMessage(theirs).setEmoji("🎉")
                .setEncrypted(true).build()));
        assertThat(noSecret.getCode().name()).isEqualTo("NOT_FOUND");
        CommandFailed editTheirs = failed(fixture.send(bob, EditMessage.newBuilder().setMessage(theirs).setText("x").build()));
        assertThat(editTheirs.getCode().name()).isEqualTo("INVALID_COMMAND");
    }

    private String sent(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).as("%s", status).isInstanceOf(CommandSucceeded.class);
        return ((CommandSucceeded) status).getMessageId().orElseThrow();
    }

    private CommandFailed failed(String commandId) {
        Object status = fixture.result(commandId).getStatus();
        assertThat(status).isInstanceOf(CommandFailed.class);
        return (CommandFailed) status;
    }
}
