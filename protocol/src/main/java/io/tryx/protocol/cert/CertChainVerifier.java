package io.tryx.protocol.cert;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.ConstantTime;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.proto.CertProto.CertChain;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate.Details;

import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks the certificate chain a server sends in its Noise hello: the intermediate must be issued by
 * the root (issuer serial 0, XEdDSA signature over its details by the trusted root key), the leaf by
 * the intermediate (issuer serial equal to the intermediate's serial, signature by the intermediate's
 * key), the leaf must certify the static key the server used in the handshake, and both must be valid
 * at the injected time. Every failure is a {@link ProtocolException} with reason INVALID_CERTIFICATE
 * (MALFORMED when the bytes are not a chain at all) and a message naming the failed check.
 */
public final class CertChainVerifier {

    /** WhatsApp's production root public key (Curve25519, raw 32 bytes). */
    public static final byte[] WHATSAPP_ROOT_KEY = HexFormat.of()
            .parseHex("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b");
    /** The serial the root signs as. */
    public static final long ROOT_SERIAL = 0;

    private final byte[] trustedRoot;
    private final InstantSource clock;

    public CertChainVerifier(byte[] trustedRootPublicKey, InstantSource clock) {
        if (trustedRootPublicKey == null || trustedRootPublicKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("trusted root must be a 32-byte Curve25519 public key");
        }
        this.trustedRoot = trustedRootPublicKey.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A verifier trusting WhatsApp's production root. */
    public static CertChainVerifier whatsApp(InstantSource clock) {
        return new CertChainVerifier(WHATSAPP_ROOT_KEY, clock);
    }

    /** Verifies a serialized {@code CertChain} for a server whose decrypted static key is {@code serverStaticKey}. */
    public VerifiedCertChain verify(byte[] certChain, byte[] serverStaticKey) {
        CertChain chain = parse(() -> CertChain.parseFrom(certChain), "certificate chain");
        NoiseCertificate intermediate = present(chain.hasIntermediate(), chain.getIntermediate(), "intermediate");
        NoiseCertificate leaf = present(chain.hasLeaf(), chain.getLeaf(), "leaf");

        byte[] intermediateBytes = intermediate.getDetails().toByteArray();
        checkSignature(trustedRoot, intermediateBytes, intermediate, "intermediate certificate not signed by the trusted root");
        Details intermediateProto = parse(() -> Details.parseFrom(intermediateBytes), "intermediate details");
        if (!intermediateProto.hasIssuerSerial()) {
            throw invalid("intermediate certificate has no issuer serial");
        }
        CertDetails intermediateDetails = CertDetails.of(intermediateProto);
        if (intermediateDetails.issuerSerial() != ROOT_SERIAL) {
            throw invalid("intermediate issuer serial " + intermediateDetails.issuerSerial() + ", expected " + ROOT_SERIAL);
        }
        byte[] intermediateKey = intermediateDetails.key();
        if (intermediateKey.length != Curve25519.KEY_LENGTH) {
            throw invalid("intermediate key is " + intermediateKey.length + " bytes, expected 32");
        }
        byte[] leafBytes = leaf.getDetails().toByteArray();
        checkSignature(intermediateKey, leafBytes, leaf, "leaf certificate not signed by the intermediate key");
        checkValidity(intermediateProto, "intermediate");

        Details leafProto = parse(() -> Details.parseFrom(leafBytes), "leaf details");
        CertDetails leafDetails = CertDetails.of(leafProto);
        if (!leafProto.hasIssuerSerial() || leafDetails.issuerSerial() != intermediateDetails.serial()) {
            throw invalid("leaf issuer serial " + (leafProto.hasIssuerSerial() ? leafDetails.issuerSerial() : "absent")
                    + ", expected the intermediate's serial " + intermediateDetails.serial());
        }
        if (serverStaticKey == null || !ConstantTime.equals(leafDetails.key(), serverStaticKey)) {
            throw invalid("leaf key does not match the server's static key");
        }
        checkValidity(leafProto, "leaf");
        return new VerifiedCertChain(intermediateDetails, leafDetails);
    }

    private void checkValidity(Details details, String which) {
        if (!details.hasNotBefore() || !details.hasNotAfter()) {
            throw invalid(which + " certificate has no validity window");
        }
        long now = clock.instant().getEpochSecond();
        if (Long.compareUnsigned(now, details.getNotBefore()) < 0) {
            throw invalid(which + " certificate not valid before " + Long.toUnsignedString(details.getNotBefore())
                    + " (now " + now + ")");
        }
        if (Long.compareUnsigned(now, details.getNotAfter()) > 0) {
            throw invalid(which + " certificate expired at " + Long.toUnsignedString(details.getNotAfter())
                    + " (now " + now + ")");
        }
    }

    private static void checkSignature(byte[] issuerKey, byte[] details, NoiseCertificate certificate, String failure) {
        byte[] signature = certificate.getSignature().toByteArray();
        if (signature.length != Curve25519.SIGNATURE_LENGTH) {
            throw invalid(failure + " (signature is " + signature.length + " bytes, expected 64)");
        }
        if (!Curve25519.verify(issuerKey, details, signature)) {
            throw invalid(failure);
        }
    }

    private static NoiseCertificate present(boolean has, NoiseCertificate certificate, String which) {
        if (!has || !certificate.hasDetails() || !certificate.hasSignature()) {
            throw invalid(which + " certificate or its details/signature missing");
        }
        return certificate;
    }

    private interface Parser<T extends MessageLite> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T extends MessageLite> T parse(Parser<T> parser, String what) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(Reason.MALFORMED, what + " is not a valid protobuf message", e);
        }
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(Reason.INVALID_CERTIFICATE, message);
    }
}
