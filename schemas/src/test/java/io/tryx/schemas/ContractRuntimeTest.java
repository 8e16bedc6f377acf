package io.tryx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tryx.commands.v1.groups.CreateGroup;
import io.tryx.common.v1.GroupParticipant;
import io.tryx.common.v1.GroupRole;
import io.tryx.events.v1.HistoryConversation;
import io.tryx.events.v1.HistorySyncEvent;
import io.tryx.events.v1.MessageEvent;
import java.io.File;
import java.time.Instant;
import java.util.List;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class ContractRuntimeTest {

    @Test
    void trustsOnlyGeneratedClassesOfTheContractPackages() {
        assertThat(ContractRuntime.isContractClass(MessageEvent.class)).isTrue();
        assertThat(ContractRuntime.isContractClass(GroupRole.class)).isTrue();
        assertThat(ContractRuntime.isContractClass(CreateGroup.class)).as("sub-package").isTrue();
        assertThat(ContractRuntime.isContractClass(EventIds.class)).as("not generated").isFalse();
        assertThat(ContractRuntime.isContractClass(File.class)).isFalse();
    }

    @Test
    void onceInstalledAvroLoadsTheContractClassesAndStillRefusesOthers() {
        ContractRuntime.install();
        ContractRuntime.install();

        assertThatCode(() -> ClassSecurityValidator.validate(GroupRole.class)).doesNotThrowAnyException();
        assertThat(GroupParticipant.newBuilder().setJid("1@s.whatsapp.net").build().getRole())
                .as("an enum default needs Avro to load the enum class").isEqualTo(GroupRole.MEMBER);
        assertThatExceptionOfType(SecurityException.class)
                .isThrownBy(() -> ClassSecurityValidator.validate(File.class));
    }

    @Test
    void decodedRecordsWithNullableTimestampsInsideArraysCompareEqual() throws Exception {
        ContractRuntime.install();
        HistorySyncEvent history = (HistorySyncEvent) EventSamples.all().stream()
                .filter(HistorySyncEvent.class::isInstance).findFirst().orElseThrow();

        HistorySyncEvent first = HistorySyncEvent.fromByteBuffer(history.toByteBuffer());
        HistorySyncEvent second = HistorySyncEvent.fromByteBuffer(history.toByteBuffer());

        HistoryConversation conversation = history.getConversations().getFirst();
        HistorySyncEvent otherMute = HistorySyncEvent.newBuilder(history).setConversations(List.of(
                HistoryConversation.newBuilder(conversation).setMutedUntil(Instant.parse("2030-01-01T00:00:00Z")).build()))
                .build();
        HistorySyncEvent differs = HistorySyncEvent.fromByteBuffer(otherMute.toByteBuffer());

        assertThat(first).isEqualTo(second).isEqualTo(history).hasSameHashCodeAs(history);
        assertThat(first).as("without install() Avro throws here instead of answering").isNotEqualTo(differs);
    }
}
