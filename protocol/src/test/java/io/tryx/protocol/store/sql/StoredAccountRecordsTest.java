package io.tryx.protocol.store.sql;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.StoreProto.StoredDeviceCredentials;
import io.tryx.protocol.store.DeviceCredentials;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Device credentials and value MACs survive their stored form; damaged or future records are refused. */
class StoredAccountRecordsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void unpairedAndPairedCredentialsRoundTrip() {
        DeviceCredentials fresh = DeviceCredentials.generate(RANDOM, 5L);
        DeviceCredentials paired = fresh.paired(Jid.parse("15550009999:2@s.whatsapp.net"), Jid.parse("100000000000009:2@lid"),
                new byte[]{1, 2, 3}).withNextPreKeyId(812);
        for (DeviceCredentials original : new DeviceCredentials[]{fresh, paired}) {
            DeviceCredentials back = StoredRecords.credentials(StoredRecords.credentials(original));
            assertThat(back.noiseKey()).isEqualTo(original.noiseKey());
            assertThat(back.identity()).isEqualTo(original.identity());
            assertThat(back.registrationId()).isEqualTo(original.registrationId());
            assertThat(back.signedPreKey().keyPair()).isEqualTo(original.signedPreKey().keyPair());
            assertThat(back.signedPreKey().signature()).isEqualTo(original.signedPreKey().signature());
            assertThat(back.signedPreKey().timestampMillis()).isEqualTo(5L);
            assertThat(back.advSecret()).isEqualTo(original.advSecret());
            assertThat(back.deviceJid()).isEqualTo(original.deviceJid());
            assertThat(back.lid()).isEqualTo(original.lid());
            assertThat(back.account()).isEqualTo(original.account());
            assertThat(back.nextPreKeyId()).isEqualTo(original.nextPreKeyId());
        }
    }

    @Test
    void credentialsOfAnUnknownVersionAreRefused() throws Exception {
        byte[] stored = StoredRecords.credentials(DeviceCredentials.generate(RANDOM, 5L));
        byte[] future = StoredDeviceCredentials.parseFrom(stored).toBuilder().setVersion(2).build().toByteArray();
        assertThatThrownBy(() -> StoredRecords.credentials(future)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.UNSUPPORTED);
    }

    @Test
    void damagedCredentialsAreAProtocolError() {
        byte[] stored = StoredRecords.credentials(DeviceCredentials.generate(RANDOM, 5L));
        byte[] truncated = java.util.Arrays.copyOf(stored, stored.length / 2);
        assertThatThrownBy(() -> StoredRecords.credentials(truncated)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void valueMacsRoundTripAndEqualMapsGiveEqualBytes() {
        Map<String, byte[]> macs = Map.of("aW5kZXg=", new byte[]{4, 2}, "b3RoZXI=", new byte[]{7});
        byte[] stored = StoredRecords.valueMacs(macs);
        assertThat(StoredRecords.valueMacs(stored)).containsOnlyKeys(macs.keySet());
        assertThat(StoredRecords.valueMacs(stored).get("aW5kZXg=")).containsExactly(4, 2);
        assertThat(StoredRecords.valueMacs(Map.of("b3RoZXI=", new byte[]{7}, "aW5kZXg=", new byte[]{4, 2}))).isEqualTo(stored);
    }
}
