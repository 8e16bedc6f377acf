package io.tryx.protocol.cert;

import com.google.protobuf.ByteString;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.CertProto.CertChain;
import io.tryx.protocol.proto.CertProto.CertChain.NoiseCertificate;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Issues Noise server certificate chains the way WhatsApp's does, for our WhatsApp simulator: a root
 * key (serial 0) signs one intermediate, and the intermediate signs a leaf for each server static key.
 * Clients trust {@link #rootPublicKey()} in place of WhatsApp's production root. Signatures are XEdDSA
 * with randomness from the injected generator (a seeded one makes chains reproducible).
 */
public final class CertificateAuthority {

    private final KeyPair root;
    private final KeyPair intermediateKey;
    private final CertDetails intermediate;
    private final NoiseCertificate intermediateCertificate;
    private final RandomGenerator random;

    /** A CA with the given root and intermediate keys; the intermediate is signed here. */
    public CertificateAuthority(KeyPair root, KeyPair intermediateKey, long intermediateSerial,
                                Instant notBefore, Instant notAfter, RandomGenerator random) {
        this.root = Objects.requireNonNull(root, "root");
        this.intermediateKey = Objects.requireNonNull(intermediateKey, "intermediateKey");
        this.random = Objects.requireNonNull(random, "random");
        this.intermediate = new CertDetails(intermediateSerial, CertChainVerifier.ROOT_SERIAL,
                intermediateKey.publicKey(), notBefore.getEpochSecond(), notAfter.getEpochSecond());
        this.intermediateCertificate = sign(root, intermediate, random);
    }

    /** A CA with fresh root and intermediate keys drawn from {@code random}. */
    public static CertificateAuthority generate(RandomGenerator random, long intermediateSerial,
                                                Instant notBefore, Instant notAfter) {
        return new CertificateAuthority(keyPair(random), keyPair(random), intermediateSerial, notBefore, notAfter, random);
    }

    /** The public key clients must trust. */
    public byte[] rootPublicKey() {
        return root.publicKey();
    }

    /** The intermediate's details (serial, key, validity). */
    public CertDetails intermediate() {
        return intermediate;
    }

    /** The intermediate's key pair, for tests that forge leaves. */
    public KeyPair intermediateKey() {
        return intermediateKey;
    }

    /** A chain certifying {@code serverStaticKey}: the leaf is signed by the intermediate. */
    public CertChain issue(byte[] serverStaticKey, long leafSerial, Instant notBefore, Instant notAfter) {
        CertDetails leaf = new CertDetails(leafSerial, intermediate.serial(), serverStaticKey,
                notBefore.getEpochSecond(), notAfter.getEpochSecond());
        return chain(sign(intermediateKey, leaf, random), intermediateCertificate);
    }

    /** One certificate: the encoded details and the issuer's XEdDSA signature over exactly those bytes. */
    public static NoiseCertificate sign(KeyPair issuer, CertDetails details, RandomGenerator random) {
        byte[] encoded = details.encode();
        byte[] noise = new byte[64];
        random.nextBytes(noise);
        return NoiseCertificate.newBuilder()
                .setDetails(ByteString.copyFrom(encoded))
                .setSignature(ByteString.copyFrom(Curve25519.sign(issuer.privateKey(), encoded, noise)))
                .build();
    }

    /** Assembles a chain from its two certificates. */
    public static CertChain chain(NoiseCertificate leaf, NoiseCertificate intermediate) {
        return CertChain.newBuilder().setLeaf(leaf).setIntermediate(intermediate).build();
    }

    private static KeyPair keyPair(RandomGenerator random) {
        byte[] privateKey = new byte[Curve25519.KEY_LENGTH];
        random.nextBytes(privateKey);
        return Curve25519.keyPairFromPrivate(privateKey);
    }
}
