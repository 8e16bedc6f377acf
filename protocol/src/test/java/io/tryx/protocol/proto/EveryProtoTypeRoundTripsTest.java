package io.tryx.protocol.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/** Without any peer: every type, fully populated, survives our own encode/decode, and the samples are complete. */
class EveryProtoTypeRoundTripsTest {

    static Stream<Arguments> messageTypes() {
        return ProtoDescriptors.messageTypes().stream().map(type -> Arguments.of(named(type.getFullName(), type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void populatedValueSurvivesEncodeAndDecode(Descriptor type) throws InvalidProtocolBufferException {
        DynamicMessage value = ProtoFiller.fill(type);

        DynamicMessage decoded = DynamicMessage.parseFrom(type, value.toByteArray());

        assertThat(decoded).isEqualTo(value);
        assertThat(decoded.getUnknownFields().asMap()).isEmpty();
        assertThat(decoded.getAllFields()).hasSize(value.getAllFields().size());
    }

    @Test
    void filledValuesSetEveryFieldExceptRecursiveOnes() {
        DynamicMessage message = ProtoFiller.fill(E2EProto.Message.getDescriptor());

        assertThat(message.getAllFields().keySet()).containsAll(E2EProto.Message.getDescriptor().getFields().stream()
                .filter(f -> f.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE
                        || f.getMessageType() != E2EProto.Message.getDescriptor())
                .toList());
    }

    @Test
    void samplesAreInitializedAndSurviveTheGeneratedParsers() throws InvalidProtocolBufferException {
        for (Map.Entry<String, Message> sample : ProtoSamples.all().entrySet()) {
            Message value = sample.getValue();
            assertThat(value.isInitialized()).as(sample.getKey()).isTrue();
            assertThat(value.getParserForType().parseFrom(value.toByteArray())).as(sample.getKey()).isEqualTo(value);
        }
    }
}
