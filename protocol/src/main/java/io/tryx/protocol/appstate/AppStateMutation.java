package io.tryx.protocol.appstate;

import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;

import java.util.List;

/**
 * One verified, decrypted app-state change: set or remove the value at an index such as
 * {@code ["mute", "123@s.whatsapp.net"]}. {@code value} is empty ({@code SyncActionValue} default)
 * for removals that carried none.
 */
public record AppStateMutation(String collection, MutationOperation operation, List<String> index,
                               SyncActionValue value, int actionVersion, byte[] indexMac, byte[] valueMac,
                               long patchVersion) {

    public AppStateMutation {
        index = List.copyOf(index);
    }

    /** The first index element names the action, e.g. {@code mute}, {@code pin_v1}, {@code archive}. */
    public String action() {
        return index.isEmpty() ? "" : index.get(0);
    }
}
