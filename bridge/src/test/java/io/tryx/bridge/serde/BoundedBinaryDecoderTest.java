package io.tryx.bridge.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBinaryDecoderTest {

    static final Schema EVERY_TYPE = SchemaBuilder.record("Every").namespace("io.tryx.test").fields()
            .requiredBoolean("flag")
            .requiredInt("small")
            .requiredLong("big")
            .requiredFloat("f")
            .requiredDouble("d")
            .requiredString("text")
            .requiredBytes("blob")
            .name("hash").type().fixed("Hash").size(4).noDefault()
            .name("kind").type().enumeration("Kind").symbols("A", "B", "C").noDefault()
            .name("tags").type().array().items().stringType().noDefault()
            .name("counts").type().map().values().longType().noDefault()
            .name("maybe").type().optional().stringType()
            .name("nulls").type().array().items().nullType().noDefault()
            .endRecord();

    static GenericRecord sample() {
        GenericRecord record = new GenericData.Record(EVERY_TYPE);
        record.put("flag", true);
        record.put("small", -123_456);
        record.put("big", Long.MIN_VALUE + 7);
        record.put("f", 3.25f);
        record.put("d", -1.0e300);
        record.put("text", "héllo wörld ✓");
        record.put("blob", ByteBuffer.wrap(new byte[]{1, 2, 3}));
        record.put("hash", new GenericData.Fixed(EVERY_TYPE.getField("hash").schema(), new byte[]{9, 8, 7, 6}));
        record.put("kind", new GenericData.EnumSymbol(EVERY_TYPE.getField("kind").schema(), "C"));
        record.put("tags", List.of("a", "bb", ""));
        record.put("counts", Map.of("x", 1L, "y", Long.MAX_VALUE));
        record.put("maybe", "present");
        record.put("nulls", java.util.Arrays.asList(null, null, null));
        return record;
    }

    static byte[] encode(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void decodesEveryTypeExactlyAsAvrosOwnDecoder() throws IOException {
        byte[] bytes = encode(sample());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(EVERY_TYPE);

        BoundedBinaryDecoder bounded = new BoundedBinaryDecoder(bytes, 0, bytes.length);
        GenericRecord ours = reader.read(null, bounded);
        GenericRecord avros = reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));

        assertThat(ours).isEqualTo(avros);
        assertThat(bounded.remaining()).isZero();
    }

    @Test
    void skippingEveryFieldConsumesThePayloadExactly() throws IOException {
        byte[] bytes = encode(sample());
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes, 0, bytes.length);
        GenericDatumReader.skip(EVERY_TYPE, decoder);
        assertThat(decoder.remaining()).isZero();
    }

    @Test
    void skipsFieldsTheReaderDropped() throws IOException {
        byte[] bytes = encode(sample());
        Schema onlyLast = SchemaBuilder.record("Every").namespace("io.tryx.test").fields()
                .name("maybe").type().optional().stringType().endRecord();

        GenericRecord projected = new GenericDatumReader<GenericRecord>(EVERY_TYPE, onlyLast)
                .read(null, new BoundedBinaryDecoder(bytes, 0, bytes.length));

        assertThat(projected.get("maybe")).hasToString("present");
    }

    @Test
    void refusesAStringLongerThanThePayloadBeforeAllocatingIt() {
        // zigzag varint of 2^40: a string "length" of a terabyte in a 7-byte payload
        byte[] bytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x20, 0x41};
        Schema stringOnly = SchemaBuilder.builder().stringType();

        assertThatThrownBy(() -> new GenericDatumReader<>(stringOnly).read(null, new BoundedBinaryDecoder(bytes, 0, bytes.length)))
                .isInstanceOf(IOException.class).hasMessageContaining("exceeds");
    }

    @Test
    void refusesAnArrayCountThatCannotFit() {
        byte[] bytes = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x02};
        Schema longs = SchemaBuilder.array().items().longType();

        assertThatThrownBy(() -> new GenericDatumReader<>(longs).read(null, new BoundedBinaryDecoder(bytes, 0, bytes.length)))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot fit");
    }

    @Test
    void refusesNegativeLengthsOverlongVarintsAndNonBooleanBytes() {
        Schema bytesSchema = SchemaBuilder.builder().bytesType();
        byte[] negative = {0x01};
        assertThatThrownBy(() -> new GenericDatumReader<>(bytesSchema).read(null, new BoundedBinaryDecoder(negative, 0, 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("negative");

        byte[] overlong = new byte[11];
        java.util.Arrays.fill(overlong, (byte) 0xff);
        assertThatThrownBy(() -> new BoundedBinaryDecoder(overlong, 0, overlong.length).readLong())
                .isInstanceOf(IOException.class).hasMessageContaining("varint");

        assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[]{7}, 0, 1).readBoolean())
                .isInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedPayloadEndsEarly() throws IOException {
        byte[] bytes = encode(sample());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(EVERY_TYPE);
        for (int cut = 0; cut < bytes.length; cut++) {
            int length = cut;
            assertThatThrownBy(() -> reader.read(null, new BoundedBinaryDecoder(bytes, 0, length)))
                    .as("cut at %d", cut).isInstanceOf(IOException.class);
        }
    }
}
