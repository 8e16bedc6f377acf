package io.tryx.protocol.cert;

import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate.Details;
import com.google.protobuf.ByteString;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The signed content of one Noise certificate: its serial, the serial of the certificate that signed it
 * (0 for WhatsApp's root), the certified Curve25519 public key and the validity window in unix seconds.
 * Serials are unsigned 32-bit and times unsigned 64-bit on the wire; both are held in {@code long}s.
 */
public record CertDetails(long serial, long issuerSerial, byte[] key, long notBefore, long notAfter) {

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public CertDetails {
        if (serial < 0 || serial > UINT32_MAX || issuerSerial < 0 || issuerSerial > UINT32_MAX) {
            throw new IllegalArgumentException("serials are unsigned 32-bit values");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The serialized {@code Details} message, every field written explicitly (including a zero issuer serial). */
    public byte[] encode() {
        return Details.newBuilder()
                .setSerial((int) serial)
                .setIssuerSerial((int) issuerSerial)
                .setKey(ByteString.copyFrom(key))
                .setNotBefore(notBefore)
                .setNotAfter(notAfter)
                .build()
                .toByteArray();
    }

    /** The values of a parsed message; absent fields read as zero or empty, as proto2 defines. */
    static CertDetails of(Details details) {
        return new CertDetails(Integer.toUnsignedLong(details.getSerial()),
                Integer.toUnsignedLong(details.getIssuerSerial()), details.getKey().toByteArray(),
                details.getNotBefore(), details.getNotAfter());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertDetails other && serial == other.serial && issuerSerial == other.issuerSerial
                && Arrays.equals(key, other.key) && notBefore == other.notBefore && notAfter == other.notAfter;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(serial) * 31 + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "CertDetails[serial=" + serial + ", issuerSerial=" + issuerSerial + ", key="
                + HexFormat.of().formatHex(key) + ", notBefore=" + Long.toUnsignedString(notBefore)
                + ", notAfter=" + Long.toUnsignedString(notAfter) + "]";
    }
}
