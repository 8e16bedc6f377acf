package io.tryx.bridge.serde;

import io.tryx.bridge.serde.AvroSerdeException.Reason;

/**
 * The Confluent wire format shared by Confluent, Karapace, Redpanda and Apicurio (in its Confluent mode)
 * serializers: magic byte {@code 0}, the 4-byte big-endian global schema id, then the Avro binary encoding
 * of the value with the writer schema.
 */
public final class WireFormat {

    /** The magic byte of the format's only version. */
    public static final byte MAGIC = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the header for {@code schemaId} into {@code target[0..5)}. */
    public static void writeHeader(int schemaId, byte[] target) {
        target[0] = MAGIC;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** The 5 header bytes for {@code schemaId}. */
    public static byte[] header(int schemaId) {
        byte[] header = new byte[HEADER_SIZE];
        writeHeader(schemaId, header);
        return header;
    }

    /**
     * The schema id of a framed value.
     *
     * @throws AvroSerdeException {@link Reason#TRUNCATED} or {@link Reason#BAD_MAGIC}
     */
    public static int schemaId(byte[] framed, String topic) {
        if (framed.length < HEADER_SIZE) {
            throw new AvroSerdeException(Reason.TRUNCATED, topic, -1,
                    framed.length + " bytes, the header alone takes " + HEADER_SIZE, null);
        }
        if (framed[0] != MAGIC) {
            throw new AvroSerdeException(Reason.BAD_MAGIC, topic, -1,
                    String.format("first byte 0x%02x, expected 0x00", framed[0] & 0xff), null);
        }
        return ((framed[1] & 0xff) << 24) | ((framed[2] & 0xff) << 16) | ((framed[3] & 0xff) << 8) | (framed[4] & 0xff);
    }
}
