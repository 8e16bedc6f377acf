package io.tryx.protocol.cert;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Damaged or random certificate chains are rejected with a ProtocolException, never anything else. */
class CertChainVerifierPropertyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final SplittableRandom random = new SplittableRandom(17);
    private final KeyPair server = Curve25519.keyPairFromPrivate(bytes(32));
    private final CertificateAuthority ca = CertificateAuthority.generate(random, 3, NOW.minusSeconds(60), NOW.plusSeconds(60));
    private final byte[] chain = ca.issue(server.publicKey(), 8, NOW, NOW.plusSeconds(1)).toByteArray();
    private final CertChainVerifier verifier = new CertChainVerifier(ca.rootPublicKey(), InstantSource.fixed(NOW));

    @Property(tries = 300)
    void everySingleBitFlipIsRejected(@ForAll @IntRange(max = 1_000_000) int bit) {
        byte[] damaged = chain.clone();
        int position = bit % (damaged.length * 8);
        damaged[position / 8] ^= (byte) (1 << (position % 8));
        assertThat(catchThrowable(() -> verifier.verify(damaged, server.publicKey()))).isInstanceOf(ProtocolException.class);
    }

    @Property(tries = 200)
    void everyTruncationIsRejected(@ForAll @IntRange(max = 1_000_000) int cut) {
        byte[] truncated = Arrays.copyOf(chain, cut % chain.length);
        assertThat(catchThrowable(() -> verifier.verify(truncated, server.publicKey()))).isInstanceOf(ProtocolException.class);
    }

    @Property(tries = 300)
    void randomBytesAreRejected(@ForAll @Size(max = 500) byte[] input) {
        assertThat(catchThrowable(() -> verifier.verify(input, server.publicKey()))).isInstanceOf(ProtocolException.class);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
