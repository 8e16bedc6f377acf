package io.tryx.bridge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.messages.SendMessage;
import io.tryx.common.v1.TextContent;
import io.tryx.schemas.ContractRuntime;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AvroJsonTest {

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    private static final Instant ISSUED = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void generatedCommandReadGenericallyPrintsBranchNamesAndIsoTimes() throws IOException {
        Command command = Command.newBuilder().setCommandId("c-1").setAccount("15551234567@s.whatsapp.net")
                .setIssuedAt(ISSUED)
                .setAction(SendMessage.newBuilder().setChat("15557654321@s.whatsapp.net")
                        .setContent(TextContent.newBuilder().setText("hi <there>").build()).build())
                .build();
        GenericRecord generic = roundTripGeneric(command);

        JsonNode json = AvroJson.of(generic);

        assertThat(json.get("commandId").asText()).isEqualTo("c-1");
        assertThat(json.get("issuedAt").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        JsonNode action = json.get("action");
        assertThat(action.get(AvroJson.TYPE).asText()).isEqualTo("SendMessage");
        assertThat(action.get("chat").asText()).isEqualTo("15557654321@s.whatsapp.net");
        assertThat(action.get("content").get(AvroJson.TYPE).asText()).isEqualTo("TextContent");
        assertThat(action.get("content").get("text").asText()).isEqualTo("hi <there>");
        assertThat(action.get("content").get("linkPreview").isNull()).isTrue();
        assertThat(action.get("context").isNull()).isTrue();
        assertThat(action.get("viewOnce").asBoolean()).isFalse();
        // the specific record prints the same
        assertThat(AvroJson.of(command)).isEqualTo(json);
    }

    @Test
    void bytesMapsEnumsArraysAndPlainLongs() throws IOException {
        Schema colour = SchemaBuilder.enumeration("Colour").namespace("t").symbols("RED", "GREEN");
        Schema schema = SchemaBuilder.record("Sample").namespace("t").fields()
                .name("data").type().bytesType().noDefault()
                .name("tags").type().map().values().intType().noDefault()
                .name("colour").type(colour).noDefault()
                .name("numbers").type().array().items().longType().noDefault()
                .name("maybe").type().optional().stringType()
                .name("ratio").type().doubleType().noDefault()
                .endRecord();
        GenericRecord record = new GenericData.Record(schema);
        record.put("data", ByteBuffer.wrap(new byte[]{1, 2, 3}));
        record.put("tags", Map.of("a", 1));
        record.put("colour", new GenericData.EnumSymbol(colour, "GREEN"));
        record.put("numbers", List.of(5L, 6L));
        record.put("maybe", "x");
        record.put("ratio", 0.5);

        String json = new ObjectMapper().writeValueAsString(AvroJson.of(roundTripGeneric(record)));

        assertThat(json).isEqualTo("{\"data\":\"AQID\",\"tags\":{\"a\":1},\"colour\":\"GREEN\",\"numbers\":[5,6],"
                + "\"maybe\":\"x\",\"ratio\":0.5}");
    }

    /** Writes the record in binary and reads it back generically with its own (writer) schema, as tail does. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static GenericRecord roundTripGeneric(GenericRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        if (record instanceof org.apache.avro.specific.SpecificRecordBase specific) {
            new SpecificDatumWriter(specific.getSchema(), specific.getSpecificData()).write(record, encoder);
        } else {
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        }
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(record.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
