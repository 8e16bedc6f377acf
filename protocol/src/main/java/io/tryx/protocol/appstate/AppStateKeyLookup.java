package io.tryx.protocol.appstate;

import java.util.Optional;

/** Finds the key data of an app-state sync key by its id (keys arrive from the phone in key shares). */
@FunctionalInterface
public interface AppStateKeyLookup {

    Optional<byte[]> keyData(byte[] keyId);
}
