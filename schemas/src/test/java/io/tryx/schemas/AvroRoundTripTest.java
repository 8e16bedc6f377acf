package io.tryx.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event and command example survives Avro's binary encoding both ways: back into the generated classes, and
 * into generic records using nothing but the writer schema's JSON (what a consumer without our classes does).
 */
class AvroRoundTripTest {

    static Stream<Named<SpecificRecord>> samples() {
        return Stream.concat(EventSamples.all().stream(), CommandSamples.all().stream())
                .map(sample -> Named.of(sample.getSchema().getName() + " " + branchOf(sample), sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesBackIntoTheGeneratedClasses(SpecificRecord sample) throws IOException {
        byte[] bytes = encode(writerFor(sample), sample);

        Object decoded = decode(new SpecificDatumReader<>(sample.getSchema(), sample.getSchema(), specificData(sample)), bytes);

        assertThat(decoded).isInstanceOf(sample.getClass()).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesGenericallyWithOnlyTheWriterSchema(SpecificRecord sample) throws IOException {
        byte[] bytes = encode(writerFor(sample), sample);
        Schema writerSchemaAsPublished = new Schema.Parser().parse(sample.getSchema().toString());

        GenericData plainModel = new GenericData(); // no conversions: timestamps stay longs, as for any plain consumer
        GenericRecord generic = decode(
                new GenericDatumReader<GenericRecord>(writerSchemaAsPublished, writerSchemaAsPublished, plainModel), bytes);

        assertThat(generic.getSchema().getFullName()).isEqualTo(sample.getSchema().getFullName());
        for (Schema.Field field : sample.getSchema().getFields()) {
            Object specific = sample.get(field.pos());
            Object value = generic.get(field.name());
            if (specific instanceof SpecificRecord branch) {
                assertThat(value).as(field.name()).isInstanceOfSatisfying(GenericRecord.class,
                        g -> assertThat(g.getSchema().getFullName()).isEqualTo(branch.getSchema().getFullName()));
            } else if (specific instanceof String text) {
                assertThat(value).as(field.name()).hasToString(text);
            }
        }
        assertThat(encode(new GenericDatumWriter<>(writerSchemaAsPublished, plainModel), generic))
                .as("re-encoding the generic record loses nothing").isEqualTo(bytes);
    }

    @Test
    void theExamplesCoverEveryRecordTypeOfTheContract() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (SpecificRecord sample : samples().map(Named::getPayload).toList()) {
            byte[] bytes = encode(writerFor(sample), sample);
            collectRecordNames(decode(new GenericDatumReader<GenericRecord>(sample.getSchema()), bytes), covered);
        }

        Set<String> records = new TreeSet<>();
        SchemaWalk.namedTypes(ContractSchemas.all()).forEach((name, schema) -> {
            if (schema.getType() == Schema.Type.RECORD) {
                records.add(name);
            }
        });

        assertThat(covered).isEqualTo(records);
    }

    @Test
    void everyTopLevelRecordHasExamples() {
        List<String> sampled = samples().map(s -> s.getPayload().getSchema().getFullName()).distinct().toList();

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(
                ContractSchemas.all().stream().map(Schema::getFullName).toList());
    }

    /** The record chosen in the sample's main union (state, content, action, ...), to name the test case. */
    private static String branchOf(SpecificRecord sample) {
        return sample.getSchema().getFields().stream()
                .filter(f -> f.schema().getType() == Schema.Type.UNION && !f.schema().isNullable())
                .map(f -> sample.get(f.pos()))
                .map(v -> v instanceof SpecificRecord r ? r.getSchema().getName() : "")
                .findFirst().orElse("");
    }

    private static void collectRecordNames(Object value, Set<String> names) {
        switch (value) {
            case GenericRecord record -> {
                names.add(record.getSchema().getFullName());
                record.getSchema().getFields().forEach(f -> collectRecordNames(record.get(f.pos()), names));
            }
            case Collection<?> items -> items.forEach(item -> collectRecordNames(item, names));
            case Map<?, ?> map -> map.values().forEach(item -> collectRecordNames(item, names));
            case null, default -> {
            }
        }
    }

    /** The generated class's own model: it carries the logical-type conversions (timestamps as Instant). */
    private static SpecificData specificData(SpecificRecord sample) {
        return ((SpecificRecordBase) sample).getSpecificData();
    }

    private static DatumWriter<SpecificRecord> writerFor(SpecificRecord sample) {
        return new SpecificDatumWriter<>(sample.getSchema(), specificData(sample));
    }

    private static <T> byte[] encode(DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static <T> T decode(DatumReader<T> reader, byte[] bytes) throws IOException {
        var decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        T value = reader.read(null, decoder);
        assertThat(decoder.isEnd()).as("every byte consumed").isTrue();
        return value;
    }
}
