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
record TestPki(CertificateAuthority ca, KeyPair serverStatic, byte[] certChain, InstantSource clock) {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static TestPki create(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        CertificateAuthority ca = CertificateAuthority.generate(random, 7,
                NOW.minusSeconds(86_400 * 30), NOW.plusSeconds(86_400 * 365));
        KeyPair serverStatic = keyPair(random);
        byte[] chain = ca.issue(serverStatic.publicKey(), 42, NOW.minusSeconds(3600), NOW.plusSeconds(86_400))
                .toByteArray();
        return new TestPki(ca, serverStatic, chain, InstantSource.fixed(NOW));
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
