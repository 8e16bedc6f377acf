package io.tryx.protocol.noise;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.KeyPair;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Truncated, bit-flipped and random handshake messages make each role fail with a ProtocolException:
 * the server hello at the client, the client hello and client finish at the server. Keys are fixed, so
 * every try replays the same honest transcript before the damaged message.
 */
class HandshakeMessagePropertyTest {

    private static TestPki pki;
    private static KeyPair clientEphemeral;
    private static KeyPair clientStatic;
    private static KeyPair serverEphemeral;
    private static byte[] clientHello;
    private static byte[] serverHello;
    private static byte[] clientFinish;

    @BeforeContainer
    static void recordHonestTranscript() {
        pki = TestPki.create(21);
        SplittableRandom random = new SplittableRandom(22);
        clientEphemeral = TestPki.keyPair(random);
        clientStatic = TestPki.keyPair(random);
        serverEphemeral = TestPki.keyPair(random);
        NoiseClientHandshake client = client();
        NoiseServerHandshake server = server();
        clientHello = client.writeClientHello();
        server.readClientHello(clientHello);
        serverHello = server.writeServerHello();
        client.readServerHello(serverHello);
        clientFinish = client.writeClientFinish(new byte[] {1, 2, 3});
        server.readClientFinish(clientFinish);
    }

    @Property(tries = 150)
    void damagedServerHelloFailsTypedAtTheClient(@ForAll("damage") Damage damage, @ForAll @IntRange(max = 1_000_000) int where,
                                                @ForAll @Size(max = 400) byte[] random) {
        NoiseClientHandshake client = client();
        client.writeClientHello();
        assertProtocolFailure(() -> client.readServerHello(damage.apply(serverHello, where, random)));
    }

    @Property(tries = 150)
    void damagedClientHelloFailsTypedAtTheServer(@ForAll("damage") Damage damage, @ForAll @IntRange(max = 1_000_000) int where,
                                                @ForAll @Size(max = 400) byte[] random) {
        NoiseServerHandshake server = server();
        byte[] damaged = damage.apply(clientHello, where, random);
        Throwable thrown = catchThrowable(() -> {
            server.readClientHello(damaged);
            server.writeServerHello();
        });
        // a flipped bit inside the ephemeral key is still a key: that hello is accepted, the finish would fail
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ProtocolException.class));
    }

    @Property(tries = 150)
    void damagedClientFinishFailsTypedAtTheServer(@ForAll("damage") Damage damage, @ForAll @IntRange(max = 1_000_000) int where,
                                                 @ForAll @Size(max = 400) byte[] random) {
        NoiseServerHandshake server = server();
        server.readClientHello(clientHello);
        server.writeServerHello();
        assertProtocolFailure(() -> server.readClientFinish(damage.apply(clientFinish, where, random)));
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Arbitraries.of(Damage.class);
    }

    /** How a valid message is broken. */
    enum Damage {
        TRUNCATE {
            byte[] apply(byte[] message, int where, byte[] random) {
                return Arrays.copyOf(message, where % message.length);
            }
        },
        FLIP_BIT {
            byte[] apply(byte[] message, int where, byte[] random) {
                byte[] copy = message.clone();
                int bit = where % (copy.length * 8);
                copy[bit / 8] ^= (byte) (1 << (bit % 8));
                return copy;
            }
        },
        RANDOM {
            byte[] apply(byte[] message, int where, byte[] random) {
                return random;
            }
        };

        abstract byte[] apply(byte[] message, int where, byte[] random);
    }

    private static void assertProtocolFailure(Runnable step) {
        assertThat(catchThrowable(step::run)).isInstanceOf(ProtocolException.class);
    }

    private static NoiseClientHandshake client() {
        return new NoiseClientHandshake(ConnectionHeader.plain(), clientEphemeral, clientStatic, pki.verifier());
    }

    private static NoiseServerHandshake server() {
        return new NoiseServerHandshake(ConnectionHeader.plain(), serverEphemeral, pki.serverStatic(), pki.certChain());
    }
}
