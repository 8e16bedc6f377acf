package io.tryx.protocol.pairing;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.message.MessageSecretKeys;
import io.tryx.protocol.message.MessageSecretUseCase;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Hostile bytes into every pairing and message-secret decode path raise only a typed ProtocolException. */
class PairingDecodeFuzzTest {

    private static final KeyPair ACCOUNT = Curve25519.generateKeyPair();
    private static final KeyPair COMPANION = Curve25519.generateKeyPair();
    private static final byte[] ADV_SECRET = new byte[32];
    private static final byte[] ISSUED = AdvPrimary.issue(ACCOUNT, COMPANION.publicKey(), ADV_SECRET, 7, 1L, 1);

    @Property(tries = 300)
    void randomDeviceIdentitiesFailTyped(@ForAll @Size(max = 600) byte[] garbage) {
        assertThat(catchThrowable(() -> AdvCompanion.verifyAndSign(garbage, ADV_SECRET, COMPANION)))
                .isInstanceOf(ProtocolException.class);
        Throwable countersigned = catchThrowable(() ->
                AdvPrimary.verifyCountersigned(garbage, ACCOUNT.publicKey(), COMPANION.publicKey()));
        assertThat(countersigned).isInstanceOf(ProtocolException.class);
    }

    @Property(tries = 300)
    void bitFlippedDeviceIdentitiesFailTyped(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                             @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] damaged = ISSUED.clone();
        damaged[position % damaged.length] ^= (byte) (1 << bit);
        Throwable thrown = catchThrowable(() -> AdvCompanion.verifyAndSign(damaged, ADV_SECRET, COMPANION));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ProtocolException.class);
        }
    }

    @Property(tries = 200)
    void randomKeyBundlesFailTyped(@ForAll @Size(max = 300) byte[] garbage) {
        Throwable thrown = catchThrowable(() -> LinkCodeBundle.primaryOpen(Curve25519.generateKeyPair(),
                COMPANION.publicKey(), ACCOUNT, garbage));
        assertThat(thrown).isInstanceOf(ProtocolException.class);
    }

    @Property(tries = 50)
    void shortWrappedKeysAndBadQrTextFailTyped(@ForAll @Size(max = 79) byte[] wrapped, @ForAll String qr) {
        assertThat(catchThrowable(() -> PairCode.of("ABCD1234").unwrap(wrapped))).isInstanceOf(ProtocolException.class);
        Throwable parsed = catchThrowable(() -> QrPayload.parse(qr));
        if (parsed != null) {
            assertThat(parsed).isInstanceOf(ProtocolException.class);
        }
    }

    @Property(tries = 300)
    void randomSecretPayloadsFailTyped(@ForAll @Size(max = 64) byte[] iv, @ForAll @Size(max = 300) byte[] payload) {
        MessageSecretKeys.DerivedKey key = MessageSecretKeys.derive(MessageSecretUseCase.POLL_VOTE, new byte[32],
                "3EB0", "1@s.whatsapp.net", "2@s.whatsapp.net");
        assertThat(catchThrowable(() -> key.decrypt(iv, payload))).isInstanceOf(ProtocolException.class);
    }
}
