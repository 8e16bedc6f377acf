package io.tryx.protocol.pairing;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Curve25519;
import io.tryx.protocol.crypto.KeyPair;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairingTest {

    @Test
    void pairCodeUsesTheEightCharacterAlphabet() {
        assertThat(PairCode.fromRandom(new byte[5]).value()).isEqualTo("11111111");
        assertThat(PairCode.fromRandom(new byte[]{-1, -1, -1, -1, -1}).value()).isEqualTo("ZZZZZZZZ");
        assertThatThrownBy(() -> PairCode.of("ABCD123O")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> PairCode.of("ABC")).isInstanceOf(ProtocolException.class);
        assertThat(PairCode.of("ABCD1234").value()).isEqualTo("ABCD1234");
    }

    @Test
    void aBundleForAnotherPhoneIsRefused() {
        KeyPair companionEphemeral = Curve25519.generateKeyPair();
        KeyPair primaryEphemeral = Curve25519.generateKeyPair();
        LinkCodeBundle.CompanionFinish finish = LinkCodeBundle.companionFinish(companionEphemeral,
                primaryEphemeral.publicKey(), Curve25519.generateKeyPair(), Curve25519.generateKeyPair().publicKey(),
                new byte[32], new byte[32], new byte[12]);
        assertThatThrownBy(() -> LinkCodeBundle.primaryOpen(primaryEphemeral, companionEphemeral.publicKey(),
                Curve25519.generateKeyPair(), finish.encryptedBundle()))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason())
                .isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
        byte[] tampered = finish.encryptedBundle().clone();
        tampered[50] ^= 1;
        assertThatThrownBy(() -> LinkCodeBundle.primaryOpen(primaryEphemeral, companionEphemeral.publicKey(),
                Curve25519.generateKeyPair(), tampered)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void malformedQrTextIsTyped() {
        assertThatThrownBy(() -> QrPayload.parse("a,b,c")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> QrPayload.parse("ref,!!,AA==,AA==,1")).isInstanceOf(ProtocolException.class);
    }
}
