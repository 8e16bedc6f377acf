package io.tryx.protocol.appstate;

import io.tryx.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppStateCryptoTest {

    private final Random random = new Random(5);

    @Test
    void ltHashIsOrderIndependentAndSubtractionUndoesAddition() {
        byte[] a = bytes(32);
        byte[] b = bytes(32);
        byte[] c = bytes(32);
        LtHash abc = LtHash.empty().subtractThenAdd(List.of(), List.of(a, b, c));
        LtHash cba = LtHash.empty().subtractThenAdd(List.of(), List.of(c)).subtractThenAdd(List.of(), List.of(b, a));
        assertThat(abc).isEqualTo(cba);
        assertThat(abc.subtractThenAdd(List.of(b), List.of())).isEqualTo(LtHash.empty().subtractThenAdd(List.of(), List.of(a, c)));
        assertThat(abc.subtractThenAdd(List.of(a, b, c), List.of())).isEqualTo(LtHash.empty());
    }

    @Test
    void valueBlobsOpenOnlyWithTheRightOperationKeyAndKeyId() {
        AppStateKeys keys = AppStateKeys.expand(bytes(32));
        byte[] keyId = bytes(6);
        byte[] plain = "SyncActionData".getBytes(StandardCharsets.UTF_8);
        byte[] blob = MutationValueCipher.seal(MutationOperation.SET, plain, keyId, keys, bytes(16));

        assertThat(MutationValueCipher.open(MutationOperation.SET, blob, keyId, keys)).isEqualTo(plain);
        assertThat(MutationValueCipher.valueMacOf(blob)).hasSize(32);
        assertThatThrownBy(() -> MutationValueCipher.open(MutationOperation.REMOVE, blob, keyId, keys))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> MutationValueCipher.open(MutationOperation.SET, blob, bytes(6), keys))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> MutationValueCipher.open(MutationOperation.SET, blob, keyId, AppStateKeys.expand(bytes(32))))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> MutationValueCipher.open(MutationOperation.SET, new byte[20], keyId, keys))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void snapshotAndPatchMacsDependOnVersionAndName() {
        AppStateKeys keys = AppStateKeys.expand(bytes(32));
        LtHash hash = LtHash.empty().subtractThenAdd(List.of(), List.of(bytes(32)));
        byte[] mac = AppStateMacs.snapshotMac(hash, 7, "regular_high", keys.snapshotMac());
        assertThat(mac).hasSize(32)
                .isNotEqualTo(AppStateMacs.snapshotMac(hash, 8, "regular_high", keys.snapshotMac()))
                .isNotEqualTo(AppStateMacs.snapshotMac(hash, 7, "regular", keys.snapshotMac()));
        byte[] patchMac = AppStateMacs.patchMac(mac, List.of(bytes(32)), 7, "regular_high", keys.patchMac());
        assertThat(patchMac).hasSize(32);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
