package io.tryx.protocol.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.tryx.protocol.interop.ProtoPeer;
import io.tryx.protocol.interop.ProtoPeer.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.tryx.protocol.proto.ProtoJson.canonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/**
 * Our protobuf definitions against Baileys' WAProto (WhatsApp Web's definitions as Baileys ships them) and
 * libsignal's protobufs: every field of every type we define, populated, crosses in both directions and reads back
 * with the same names, numbers, wire types and values; every enum value has WhatsApp's name and number.
 */
class ProtoDefinitionsMatchBaileysTest {

    private static ProtoPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = ProtoPeer.open();
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    static Stream<Arguments> messageTypes() {
        return ProtoDescriptors.messageTypes().stream().map(type -> Arguments.of(named(type.getFullName(), type)));
    }

    static Stream<Arguments> enumTypes() {
        return ProtoDescriptors.enumTypes().stream().map(type -> Arguments.of(named(type.getFullName(), type)));
    }

    static Stream<Arguments> samples() {
        return ProtoSamples.all().entrySet().stream().map(e -> Arguments.of(named(e.getKey(), e.getValue())));
    }

    /** One value per field of Message and SyncActionValue: each message kind and each sync action on its own. */
    static Stream<Arguments> singleKinds() {
        return Stream.of(E2EProto.Message.getDescriptor(), SyncActionProto.SyncActionValue.getDescriptor())
                .flatMap(type -> type.getFields().stream())
                .map(field -> Arguments.of(named(field.getContainingType().getName() + "." + field.getName(), field)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void baileysReadsEveryFieldJavaWrites(Descriptor type) {
        assertBaileysReadsWhatJavaWrote(ProtoFiller.fill(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void javaReadsEveryFieldBaileysWrites(Descriptor type) throws InvalidProtocolBufferException {
        assertJavaReadsWhatBaileysWrote(ProtoFiller.fill(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleKinds")
    void eachMessageKindAndSyncActionCrossesBothWays(FieldDescriptor field) throws InvalidProtocolBufferException {
        Message value = ProtoFiller.fillOnly(field);
        assertBaileysReadsWhatJavaWrote(value);
        assertJavaReadsWhatBaileysWrote(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void baileysReadsRealisticSamplesJavaWrites(Message sample) {
        assertBaileysReadsWhatJavaWrote(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void javaReadsRealisticSamplesBaileysWrites(Message sample) throws InvalidProtocolBufferException {
        assertJavaReadsWhatBaileysWrote(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void enumValuesHaveWhatsAppNamesAndNumbers(EnumDescriptor type) {
        Map<String, Integer> ours = new TreeMap<>();
        type.getValues().forEach(value -> ours.put(value.getName(), value.getNumber()));
        Map<String, Integer> theirs = new TreeMap<>();
        peer.enumValues(Library.WA, ProtoDescriptors.baileysName(type))
                .properties().forEach(e -> theirs.put(e.getKey(), e.getValue().intValue()));
        assertThat(theirs).containsAllEntriesOf(ours);
    }

    @Test
    void signalMessageMatchesLibsignalWhisperMessage() throws InvalidProtocolBufferException {
        Message value = ProtoFiller.fill(SignalProto.SignalMessage.getDescriptor());
        ObjectNode libsignalView = ProtoJson.toJson(value);
        libsignalView.set("ephemeralKey", libsignalView.remove("ratchetKey"));   // libsignal's name for field 1

        JsonNode decoded = peer.decode(Library.LIBSIGNAL, "textsecure.WhisperMessage", value.toByteArray());
        assertThat(canonical(decoded)).isEqualTo(canonical(libsignalView));

        ProtoPeer.Encoded encoded = peer.encode(Library.LIBSIGNAL, "textsecure.WhisperMessage", libsignalView);
        assertThat(SignalProto.SignalMessage.parseFrom(encoded.bytes())).isEqualTo(
                SignalProto.SignalMessage.parseFrom(value.toByteArray()));
    }

    @Test
    void preKeySignalMessageMatchesLibsignalPreKeyWhisperMessage() throws InvalidProtocolBufferException {
        Message value = ProtoFiller.fill(SignalProto.PreKeySignalMessage.getDescriptor());
        JsonNode decoded = peer.decode(Library.LIBSIGNAL, "textsecure.PreKeyWhisperMessage", value.toByteArray());
        assertThat(canonical(decoded)).isEqualTo(canonical(ProtoJson.toJson(value)));

        ProtoPeer.Encoded encoded = peer.encode(Library.LIBSIGNAL, "textsecure.PreKeyWhisperMessage",
                ProtoJson.toJson(value));
        assertThat(SignalProto.PreKeySignalMessage.parseFrom(encoded.bytes())).isEqualTo(
                SignalProto.PreKeySignalMessage.parseFrom(value.toByteArray()));
    }

    private static void assertBaileysReadsWhatJavaWrote(Message value) {
        JsonNode baileys = peer.decode(Library.WA, ProtoDescriptors.baileysName(value.getDescriptorForType()),
                value.toByteArray());
        assertThat(canonical(baileys)).isEqualTo(canonical(ProtoJson.toJson(value)));
    }

    private static void assertJavaReadsWhatBaileysWrote(Message value) throws InvalidProtocolBufferException {
        ObjectNode sent = ProtoJson.toJson(value);
        ProtoPeer.Encoded encoded = peer.encode(Library.WA, ProtoDescriptors.baileysName(value.getDescriptorForType()),
                sent);
        assertThat(canonical(encoded.view())).as("Baileys holds every field we gave it").isEqualTo(canonical(sent));
        Message decoded = value.getParserForType().parseFrom(encoded.bytes());
        assertThat(canonical(ProtoJson.toJson(decoded))).isEqualTo(canonical(encoded.view()));
        assertThat(decoded).isEqualTo(value);
    }
}
