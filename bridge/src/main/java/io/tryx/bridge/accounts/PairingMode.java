package io.tryx.bridge.accounts;

/** How an account links: by QR code, by a code typed on the phone, or not at all (already linked, it logs in). */
public enum PairingMode {
    QR,
    PAIR_CODE,
    LOGIN
}
