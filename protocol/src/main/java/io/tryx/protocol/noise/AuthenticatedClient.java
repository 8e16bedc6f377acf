package io.tryx.protocol.noise;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a server learns from a client's finish message: the client's static noise key (its long-term
 * identity on this transport) and the decrypted ClientPayload bytes, left opaque here.
 */
public record AuthenticatedClient(byte[] staticKey, byte[] payload) {

    public AuthenticatedClient {
        staticKey = staticKey.clone();
        payload = payload.clone();
    }

    @Override
    public byte[] staticKey() {
        return staticKey.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticatedClient other && Arrays.equals(staticKey, other.staticKey)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(staticKey);
    }

    @Override
    public String toString() {
        return "AuthenticatedClient[staticKey=" + HexFormat.of().formatHex(staticKey) + ", payload=" + payload.length + " bytes]";
    }
}
