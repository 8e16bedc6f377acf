package io.tryx.protocol.appstate;

import io.tryx.protocol.crypto.Hmac;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The MACs that authenticate app state: the index MAC names a record without revealing its index, the
 * value MAC authenticates one encrypted mutation, the snapshot MAC binds a collection's LTHash to its
 * version and name, and the patch MAC binds a patch's mutations to the snapshot MAC it produces.
 */
public final class AppStateMacs {

    public static final int VALUE_MAC_LENGTH = 32;

    private AppStateMacs() {
    }

    /** HMAC-SHA256(index key, the JSON array of the mutation's index). */
    public static byte[] indexMac(byte[] indexKey, byte[] indexJson) {
        return Hmac.sha256(indexKey, indexJson);
    }

    /** HMAC-SHA512(value MAC key, op+1 || key id || data || u64be(len(key id)+1)), first 32 bytes. */
    public static byte[] valueMac(MutationOperation operation, byte[] data, byte[] keyId, byte[] valueMacKey) {
        byte[] op = {(byte) (operation.wireValue() + 1)};
        byte[] full = Hmac.sha512(valueMacKey, op, keyId, data, u64(keyId.length + 1));
        return Arrays.copyOf(full, VALUE_MAC_LENGTH);
    }

    /** HMAC-SHA256(snapshot MAC key, LTHash || u64be(version) || collection name). */
    public static byte[] snapshotMac(LtHash ltHash, long version, String collection, byte[] snapshotMacKey) {
        return Hmac.sha256(snapshotMacKey, ltHash.bytes(), u64(version), collection.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256(patch MAC key, snapshot MAC || value MACs... || u64be(version) || collection name). */
    public static byte[] patchMac(byte[] snapshotMac, List<byte[]> valueMacs, long version, String collection,
                                  byte[] patchMacKey) {
        byte[][] parts = new byte[valueMacs.size() + 3][];
        parts[0] = snapshotMac;
        for (int i = 0; i < valueMacs.size(); i++) {
            parts[i + 1] = valueMacs.get(i);
        }
        parts[parts.length - 2] = u64(version);
        parts[parts.length - 1] = collection.getBytes(StandardCharsets.UTF_8);
        return Hmac.sha256(patchMacKey, parts);
    }

    private static byte[] u64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
