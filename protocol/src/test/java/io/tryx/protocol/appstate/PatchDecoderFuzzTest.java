package io.tryx.protocol.appstate;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.Protobufs;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdSnapshot;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Damaged or random patches and snapshots never escape as anything but a typed ProtocolException. */
class PatchDecoderFuzzTest {

    private static final byte[] KEY_ID = {1, 2, 3};
    private static final byte[] KEY_DATA = new byte[32];
    private static final AppStateKeyLookup KEYS = id -> Optional.of(KEY_DATA);
    private static final byte[] VALID_PATCH;
    private static final byte[] VALID_SNAPSHOT;

    static {
        PatchEncoder encoder = new PatchEncoder(KEY_ID, KEY_DATA, new Random(1));
        List<PatchEncoder.MutationRequest> requests = List.of(
                new PatchEncoder.MutationRequest(MutationOperation.SET, List.of("mute", "1@s.whatsapp.net"),
                        SyncActionValue.newBuilder().setTimestamp(1).build(), 2),
                new PatchEncoder.MutationRequest(MutationOperation.SET, List.of("archive", "2@s.whatsapp.net"),
                        SyncActionValue.newBuilder().setTimestamp(2).build(), 3));
        VALID_PATCH = encoder.encodePatch(CollectionState.initial("regular"), requests).patch().toByteArray();
        VALID_SNAPSHOT = encoder.encodeSnapshot("regular", 5, requests).toByteArray();
    }

    @Property(tries = 400)
    void bitFlippedPatchesFailTyped(@ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] damaged = VALID_PATCH.clone();
        damaged[position % damaged.length] ^= (byte) (1 << bit);
        PatchDecoder.Decoded[] result = new PatchDecoder.Decoded[1];
        Throwable thrown = catchThrowable(() -> result[0] = new PatchDecoder(KEYS).decodePatch(
                CollectionState.initial("regular"), Protobufs.parse(SyncdPatch.parser(), damaged)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ProtocolException.class);
        } else {
            // a flip the MACs do not cover (e.g. turning the version field into an unknown one) changes nothing
            PatchDecoder.Decoded original = new PatchDecoder(KEYS).decodePatch(CollectionState.initial("regular"),
                    Protobufs.parse(SyncdPatch.parser(), VALID_PATCH));
            assertThat(result[0].state().hash()).isEqualTo(original.state().hash());
            assertThat(result[0].mutations()).extracting(AppStateMutation::index)
                    .isEqualTo(original.mutations().stream().map(AppStateMutation::index).toList());
        }
    }

    @Property(tries = 400)
    void bitFlippedSnapshotsFailTyped(@ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] damaged = VALID_SNAPSHOT.clone();
        damaged[position % damaged.length] ^= (byte) (1 << bit);
        Throwable thrown = catchThrowable(() -> new PatchDecoder(KEYS).decodeSnapshot("regular",
                Protobufs.parse(SyncdSnapshot.parser(), damaged)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ProtocolException.class);
        }
    }

    @Property(tries = 300)
    void randomBytesFailTyped(@ForAll @Size(max = 2048) byte[] garbage) {
        Throwable thrown = catchThrowable(() -> new PatchDecoder(KEYS).decodePatch(CollectionState.initial("regular"),
                Protobufs.parse(SyncdPatch.parser(), garbage)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ProtocolException.class);
        }
    }

    @Property(tries = 300)
    void randomValueBlobsFailTyped(@ForAll @Size(max = 512) byte[] blob) {
        Throwable thrown = catchThrowable(() -> MutationValueCipher.open(MutationOperation.SET, blob, KEY_ID,
                AppStateKeys.expand(KEY_DATA)));
        assertThat(thrown).isInstanceOf(ProtocolException.class);
    }
}
