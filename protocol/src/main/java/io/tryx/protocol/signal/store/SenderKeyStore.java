package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;

import java.util.Optional;

/** Sender-key records by (group, sender device); treated as values like session records. */
public interface SenderKeyStore {

    Optional<SenderKeyRecord> senderKey(SenderKeyName name);

    void storeSenderKey(SenderKeyName name, SenderKeyRecord record);
}
