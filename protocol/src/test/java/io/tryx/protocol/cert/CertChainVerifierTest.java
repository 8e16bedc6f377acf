package io.tryx.protocol.cert;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.ProtocolException.Reason;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.CertProto.CertChain;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate.Details;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertChainVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant CA_FROM = NOW.minusSeconds(1000);
    private static final Instant CA_UNTIL = NOW.plusSeconds(100_000);

    private final SplittableRandom random = new SplittableRandom(99);
    private final KeyPair root = keyPair();
    private final KeyPair intermediateKey = keyPair();
    private final KeyPair server = keyPair();
    private final CertificateAuthority ca = new CertificateAuthority(root, intermediateKey, 9, CA_FROM, CA_UNTIL, random);
    private final CertChainVerifier verifier = new CertChainVerifier(ca.rootPublicKey(), InstantSource.fixed(NOW));

    @Test
    void acceptsAChainIssuedByTheAuthorityAndReportsItsDetails() {
        VerifiedCertChain verified = verifier.verify(issue(NOW.minusSeconds(5), NOW.plusSeconds(5)), server.publicKey());
        assertThat(verified.intermediate()).isEqualTo(ca.intermediate());
        assertThat(verified.intermediate().issuerSerial()).isZero();
        assertThat(verified.leaf().serial()).isEqualTo(1234);
        assertThat(verified.leaf().issuerSerial()).isEqualTo(9);
        assertThat(verified.leaf().key()).isEqualTo(server.publicKey());
        assertThat(verified.leaf().notAfter()).isEqualTo(NOW.plusSeconds(5).getEpochSecond());
    }

    @Test
    void validityWindowsIncludeTheirBounds() {
        assertThat(verifier.verify(issue(NOW, NOW), server.publicKey())).isNotNull();
    }

    @Test
    void intermediateIssuerSerialZeroIsEncodedExplicitly() throws Exception {
        CertChain chain = CertChain.parseFrom(issue(NOW, NOW));
        Details intermediate = Details.parseFrom(chain.getIntermediate().getDetails());
        assertThat(intermediate.hasIssuerSerial()).isTrue();
        assertThat(intermediate.getIssuerSerial()).isZero();
    }

    @Test
    void rejectsAnotherRoot() {
        CertChainVerifier other = new CertChainVerifier(keyPair().publicKey(), InstantSource.fixed(NOW));
        assertInvalid(() -> other.verify(issue(NOW, NOW), server.publicKey()), "not signed by the trusted root");
    }

    @Test
    void rejectsAnIntermediateNotIssuedBySerialZero() {
        NoiseCertificate intermediate = CertificateAuthority.sign(root, details(9, 3, intermediateKey, CA_FROM, CA_UNTIL), random);
        assertInvalid(() -> verifier.verify(chain(leaf(intermediateKey, 9), intermediate), server.publicKey()),
                "intermediate issuer serial 3, expected 0");
    }

    @Test
    void rejectsAnIntermediateWithoutIssuerSerial() {
        byte[] details = Details.newBuilder().setSerial(9).setKey(ByteString.copyFrom(intermediateKey.publicKey()))
                .setNotBefore(0).setNotAfter(Long.MAX_VALUE).build().toByteArray();
        NoiseCertificate intermediate = signed(root, details);
        assertInvalid(() -> verifier.verify(chain(leaf(intermediateKey, 9), intermediate), server.publicKey()),
                "intermediate certificate has no issuer serial");
    }

    @Test
    void rejectsALeafWhoseIssuerSerialIsNotTheIntermediates() {
        assertInvalid(() -> verifier.verify(chain(leaf(intermediateKey, 10), ca), server.publicKey()),
                "leaf issuer serial 10, expected the intermediate's serial 9");
    }

    @Test
    void rejectsALeafSignedByAnotherKey() {
        assertInvalid(() -> verifier.verify(chain(leaf(keyPair(), 9), ca), server.publicKey()),
                "leaf certificate not signed by the intermediate key");
    }

    @Test
    void rejectsALeafForAnotherStaticKey() {
        assertInvalid(() -> verifier.verify(issue(NOW, NOW), keyPair().publicKey()), "leaf key does not match");
        assertInvalid(() -> verifier.verify(issue(NOW, NOW), null), "leaf key does not match");
    }

    @Test
    void rejectsExpiredAndNotYetValidLeaves() {
        assertInvalid(() -> verifier.verify(issue(NOW.minusSeconds(10), NOW.minusSeconds(1)), server.publicKey()),
                "leaf certificate expired at " + NOW.minusSeconds(1).getEpochSecond());
        assertInvalid(() -> verifier.verify(issue(NOW.plusSeconds(1), NOW.plusSeconds(10)), server.publicKey()),
                "leaf certificate not valid before " + NOW.plusSeconds(1).getEpochSecond());
    }

    @Test
    void rejectsExpiredAndNotYetValidIntermediates() {
        CertificateAuthority old = new CertificateAuthority(root, intermediateKey, 9, CA_FROM, NOW.minusSeconds(1), random);
        assertInvalid(() -> verifier.verify(old.issue(server.publicKey(), 1, NOW, NOW).toByteArray(), server.publicKey()),
                "intermediate certificate expired");
        CertificateAuthority future = new CertificateAuthority(root, intermediateKey, 9, NOW.plusSeconds(1), CA_UNTIL, random);
        assertInvalid(() -> verifier.verify(future.issue(server.publicKey(), 1, NOW, NOW).toByteArray(), server.publicKey()),
                "intermediate certificate not valid before");
    }

    @Test
    void rejectsMissingPartsAndBadSignatureLengths() throws Exception {
        CertChain good = CertChain.parseFrom(issue(NOW, NOW));
        assertInvalid(() -> verifier.verify(good.toBuilder().clearLeaf().build().toByteArray(), server.publicKey()),
                "leaf certificate or its details/signature missing");
        assertInvalid(() -> verifier.verify(good.toBuilder().clearIntermediate().build().toByteArray(), server.publicKey()),
                "intermediate certificate or its details/signature missing");
        NoiseCertificate shortSignature = good.getLeaf().toBuilder()
                .setSignature(good.getLeaf().getSignature().substring(0, 63)).build();
        assertInvalid(() -> verifier.verify(good.toBuilder().setLeaf(shortSignature).build().toByteArray(), server.publicKey()),
                "signature is 63 bytes");
        assertInvalid(() -> verifier.verify(new byte[0], server.publicKey()), "missing");
    }

    @Test
    void rejectsAnIntermediateKeyOfTheWrongLength() {
        byte[] details = Details.newBuilder().setSerial(9).setIssuerSerial(0).setKey(ByteString.copyFrom(new byte[31]))
                .setNotBefore(0).setNotAfter(Long.MAX_VALUE).build().toByteArray();
        assertInvalid(() -> verifier.verify(chain(leaf(intermediateKey, 9), signed(root, details)), server.publicKey()),
                "intermediate key is 31 bytes");
    }

    @Test
    void rejectsBytesThatAreNotAChain() {
        assertThatThrownBy(() -> verifier.verify(new byte[] {(byte) 0xFF, (byte) 0xFF}, server.publicKey()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void productionVerifierTrustsWhatsAppsRoot() {
        assertThat(CertChainVerifier.WHATSAPP_ROOT_KEY).hasSize(32);
        assertInvalid(() -> CertChainVerifier.whatsApp(InstantSource.fixed(NOW)).verify(issue(NOW, NOW), server.publicKey()),
                "not signed by the trusted root");
    }

    private byte[] issue(Instant notBefore, Instant notAfter) {
        return ca.issue(server.publicKey(), 1234, notBefore, notAfter).toByteArray();
    }

    private NoiseCertificate leaf(KeyPair signer, long issuerSerial) {
        return CertificateAuthority.sign(signer, details(1, issuerSerial, server, NOW, NOW), random);
    }

    private static byte[] chain(NoiseCertificate leaf, CertificateAuthority ca) {
        CertChain issued = ca.issue(new byte[32], 1, NOW, NOW);
        return chain(leaf, issued.getIntermediate());
    }

    private static byte[] chain(NoiseCertificate leaf, NoiseCertificate intermediate) {
        return CertificateAuthority.chain(leaf, intermediate).toByteArray();
    }

    private static CertDetails details(long serial, long issuerSerial, KeyPair key, Instant from, Instant until) {
        return new CertDetails(serial, issuerSerial, key.publicKey(), from.getEpochSecond(), until.getEpochSecond());
    }

    private static NoiseCertificate signed(KeyPair signer, byte[] details) {
        return NoiseCertificate.newBuilder().setDetails(ByteString.copyFrom(details))
                .setSignature(ByteString.copyFrom(Curve25519.sign(signer.privateKey(), details))).build();
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_CERTIFICATE);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private KeyPair keyPair() {
        byte[] privateKey = new byte[32];
        random.nextBytes(privateKey);
        return Curve25519.keyPairFromPrivate(privateKey);
    }
}
