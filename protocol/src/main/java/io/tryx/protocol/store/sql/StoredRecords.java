package io.tryx.protocol.store.sql;

import com.google.protobuf.ByteString;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.StoreProto.StoredDeviceCredentials;
import io.tryx.protocol.proto.StoreProto.StoredKeyPair;
import io.tryx.protocol.proto.StoreProto.StoredSignedPreKey;
import io.tryx.protocol.proto.StoreProto.StoredValueMacs;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.StoredFields;
import io.tryx.protocol.store.DeviceCredentials;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versioned protobuf forms ({@code store.proto}) of the records that have no codec of their own:
 * device credentials and an app-state collection's value MACs. Damaged or unknown-version bytes become a
 * {@link io.tryx.protocol.ProtocolException}.
 */
final class StoredRecords {

    static final int CREDENTIALS_VERSION = 1;
    static final int VALUE_MACS_VERSION = 1;

    private StoredRecords() {
    }

    static byte[] credentials(DeviceCredentials credentials) {
        StoredDeviceCredentials.Builder stored = StoredDeviceCredentials.newBuilder()
                .setVersion(CREDENTIALS_VERSION)
                .setNoiseKey(keyPair(credentials.noiseKey()))
                .setIdentity(keyPair(credentials.identity().keyPair()))
                .setRegistrationId(credentials.registrationId())
                .setSignedPreKey(signedPreKey(credentials.signedPreKey()))
                .setAdvSecret(ByteString.copyFrom(credentials.advSecret()))
                .setNextPreKeyId(credentials.nextPreKeyId());
        if (credentials.deviceJid() != null) {
            stored.setDeviceJid(credentials.deviceJid().toString());
        }
        if (credentials.lid() != null) {
            stored.setLid(credentials.lid().toString());
        }
        if (credentials.account() != null) {
            stored.setAccount(ByteString.copyFrom(credentials.account()));
        }
        return stored.build().toByteArray();
    }

    static DeviceCredentials credentials(byte[] bytes) {
        StoredDeviceCredentials stored = StoredFields.parse(StoredDeviceCredentials.parser(), bytes, "device credentials");
        StoredFields.version(stored.hasVersion(), stored.getVersion(), CREDENTIALS_VERSION, "device credentials");
        StoredSignedPreKey signed = stored.getSignedPreKey();
        return new DeviceCredentials(
                keyPair(stored.hasNoiseKey(), stored.getNoiseKey(), "noise key"),
                new IdentityKeyPair(keyPair(stored.hasIdentity(), stored.getIdentity(), "identity key")),
                StoredFields.count(stored.hasRegistrationId(), stored.getRegistrationId(), "registration id"),
                new SignedPreKeyRecord(
                        StoredFields.count(signed.hasId(), signed.getId(), "signed prekey id"),
                        keyPair(signed.hasKeyPair(), signed.getKeyPair(), "signed prekey"),
                        signed.getSignature().toByteArray(), signed.getTimestampMillis()),
                stored.getAdvSecret().toByteArray(),
                stored.hasDeviceJid() ? Jid.parse(stored.getDeviceJid()) : null,
                stored.hasLid() ? Jid.parse(stored.getLid()) : null,
                stored.hasAccount() ? stored.getAccount().toByteArray() : null,
                StoredFields.count(stored.hasNextPreKeyId(), stored.getNextPreKeyId(), "next prekey id"));
    }

    /** Value MACs by index key, sorted so equal maps give equal bytes. */
    static byte[] valueMacs(Map<String, byte[]> valueMacs) {
        StoredValueMacs.Builder stored = StoredValueMacs.newBuilder().setVersion(VALUE_MACS_VERSION);
        new TreeMap<>(valueMacs).forEach((index, mac) -> stored.addEntries(
                StoredValueMacs.Entry.newBuilder().setIndex(index).setValueMac(ByteString.copyFrom(mac))));
        return stored.build().toByteArray();
    }

    static Map<String, byte[]> valueMacs(byte[] bytes) {
        StoredValueMacs stored = StoredFields.parse(StoredValueMacs.parser(), bytes, "value MACs");
        StoredFields.version(stored.hasVersion(), stored.getVersion(), VALUE_MACS_VERSION, "value MACs");
        Map<String, byte[]> out = new HashMap<>();
        for (StoredValueMacs.Entry entry : stored.getEntriesList()) {
            out.put(entry.getIndex(), entry.getValueMac().toByteArray());
        }
        return out;
    }

    private static StoredKeyPair keyPair(KeyPair pair) {
        return StoredKeyPair.newBuilder()
                .setPublicKey(ByteString.copyFrom(pair.publicKey()))
                .setPrivateKey(ByteString.copyFrom(pair.privateKey()))
                .build();
    }

    private static KeyPair keyPair(boolean present, StoredKeyPair stored, String what) {
        return new KeyPair(
                StoredFields.key(present && stored.hasPublicKey(), stored.getPublicKey(), what + " public key"),
                StoredFields.key(present && stored.hasPrivateKey(), stored.getPrivateKey(), what + " private key"));
    }

    private static StoredSignedPreKey signedPreKey(SignedPreKeyRecord record) {
        return StoredSignedPreKey.newBuilder()
                .setId(record.id())
                .setKeyPair(keyPair(record.keyPair()))
                .setSignature(ByteString.copyFrom(record.signature()))
                .setTimestampMillis(record.timestampMillis())
                .build();
    }
}
