package io.tryx.bridge.app;

import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.commands.v1.Command;
import io.tryx.events.v1.MessageEvent;
import io.tryx.schemas.ContractSchemas;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicNamesTest {

    private final TopicNames topics = new TopicNames("tryx");

    @Test
    void namesFollowThePrefixConvention() {
        assertThat(topics.eventTopics()).containsExactly("tryx.events.connection", "tryx.events.messages",
                "tryx.events.receipts", "tryx.events.presence", "tryx.events.chat-actions", "tryx.events.contacts",
                "tryx.events.groups", "tryx.events.calls", "tryx.events.history", "tryx.events.undecryptable");
        assertThat(topics.commands()).isEqualTo("tryx.commands");
        assertThat(topics.commandResults()).isEqualTo("tryx.command-results");
        assertThat(topics.deadLetter()).isEqualTo("tryx.dead-letter");
        assertThat(topics.state()).isEqualTo("tryx.state");
        assertThat(topics.all()).hasSize(14).doesNotHaveDuplicates();
    }

    @Test
    void everyEventRecordOfTheContractHasExactlyOneTopic() {
        assertThat(Arrays.stream(EventFamily.values()).map(f -> f.schema().getFullName()))
                .containsExactlyInAnyOrderElementsOf(ContractSchemas.EVENTS.stream().map(Schema::getFullName).toList());
        assertThat(topics.valueSchema("tryx.events.messages")).contains(MessageEvent.getClassSchema());
        assertThat(topics.valueSchema("tryx.commands")).contains(Command.getClassSchema());
        assertThat(topics.valueSchema("other")).isEmpty();
        assertThat(EventFamily.ofRecordName("io.tryx.events.v1.CallEvent")).contains(EventFamily.CALLS);
    }

    @Test
    void prefixMustBeAValidTopicNamePart() {
        assertThatThrownBy(() -> new TopicNames("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicNames("")).isInstanceOf(IllegalArgumentException.class);
    }
}
