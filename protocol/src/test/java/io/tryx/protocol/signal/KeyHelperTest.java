package io.tryx.protocol.signal;

import io.tryx.protocol.crypto.Curve25519;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyHelperTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void preKeyIdsAre24BitAndWrapToOne() {
        List<PreKeyRecord> keys = KeyHelper.generatePreKeys(KeyHelper.MAX_PRE_KEY_ID - 1, 4, random);
        assertThat(keys).extracting(PreKeyRecord::id).containsExactly(0xFFFFFE, 0xFFFFFF, 1, 2);
        assertThat(keys).extracting(k -> k.keyPair().publicKey()).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new PreKeyRecord(0, Curve25519.generateKeyPair())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PreKeyRecord(1 << 24, Curve25519.generateKeyPair())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignedPreKeySignatureCoversTheSerializedKey() {
        IdentityKeyPair identity = IdentityKeyPair.generate(random);
        SignedPreKeyRecord signed = KeyHelper.generateSignedPreKey(identity, 7, 1_700_000_000_000L, random);
        byte[] serialized = SignalKeys.serialize(signed.keyPair().publicKey());
        assertThat(serialized).hasSize(33).startsWith(0x05);
        assertThat(Curve25519.verify(identity.keyPair().publicKey(), serialized, signed.signature())).isTrue();
        assertThat(KeyHelper.verifySignedPreKey(identity.publicKey(), signed.keyPair().publicKey(), signed.signature())).isTrue();
        assertThat(KeyHelper.verifySignedPreKey(IdentityKeyPair.generate(random).publicKey(),
                signed.keyPair().publicKey(), signed.signature())).isFalse();
    }

    @Test
    void registrationIdsStayInLibsignalsRange() {
        for (int i = 0; i < 1000; i++) {
            assertThat(KeyHelper.generateRegistrationId(random)).isBetween(1, 16380);
        }
    }

    @Test
    void serializedPublicKeysNeedTheDjbType() {
        byte[] raw = Curve25519.generateKeyPair().publicKey();
        assertThat(SignalKeys.parse(SignalKeys.serialize(raw), "key")).isEqualTo(raw);
        byte[] wrongType = SignalKeys.serialize(raw);
        wrongType[0] = 0x06;
        assertThatThrownBy(() -> SignalKeys.parse(wrongType, "key")).isInstanceOf(io.tryx.protocol.ProtocolException.class);
        assertThatThrownBy(() -> SignalKeys.parse(raw, "key")).isInstanceOf(io.tryx.protocol.ProtocolException.class);
    }
}
