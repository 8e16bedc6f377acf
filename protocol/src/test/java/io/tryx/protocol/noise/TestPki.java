package io.tryx.protocol.noise;

import io.tryx.protocol.cert.CertChainVerifier;
import io.tryx.protocol.cert.CertificateAuthority;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;

import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A simulator-style PKI for tests: a CA valid around a fixed instant and a server whose static key it certified. */
record TestPki(KeyPair root, CertificateAuthority ca, KeyPair serverStatic, byte[] certChain, InstantSource clock) {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final long INTERMEDIATE_SERIAL = 7;

    static TestPki create(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        KeyPair root = keyPair(random);
        CertificateAuthority ca = new CertificateAuthority(root, keyPair(random), INTERMEDIATE_SERIAL,
                NOW.minusSeconds(86_400 * 30), NOW.plusSeconds(86_400 * 365), random);
        KeyPair serverStatic = keyPair(random);
        byte[] chain = ca.issue(serverStatic.publicKey(), 42, NOW.minusSeconds(3600), NOW.plusSeconds(86_400))
                .toByteArray();
        return new TestPki(root, ca, serverStatic, chain, InstantSource.fixed(NOW));
    }

    CertChainVerifier verifier() {
        return new CertChainVerifier(ca.rootPublicKey(), clock);
    }

    static KeyPair keyPair(RandomGenerator random) {
        byte[] privateKey = new byte[32];
        random.nextBytes(privateKey);
        return Curve25519.keyPairFromPrivate(privateKey);
    }
}
