package io.tryx.protocol.appstate;

import io.tryx.protocol.crypto.Hkdf;

import java.util.Arrays;

/**
 * The five keys one app-state sync key expands to (HKDF-SHA256, info {@code "WhatsApp Mutation Keys"},
 * 160 bytes): index MAC, value encryption, value MAC, snapshot MAC and patch MAC.
 */
public record AppStateKeys(byte[] index, byte[] valueEncryption, byte[] valueMac, byte[] snapshotMac, byte[] patchMac) {

    private static final String INFO = "WhatsApp Mutation Keys";

    /** Expands the key data of an app-state sync key (as shared by the primary device). */
    public static AppStateKeys expand(byte[] keyData) {
        byte[] expanded = Hkdf.derive(keyData, null, INFO, 160);
        return new AppStateKeys(Arrays.copyOfRange(expanded, 0, 32), Arrays.copyOfRange(expanded, 32, 64),
                Arrays.copyOfRange(expanded, 64, 96), Arrays.copyOfRange(expanded, 96, 128),
                Arrays.copyOfRange(expanded, 128, 160));
    }
}
