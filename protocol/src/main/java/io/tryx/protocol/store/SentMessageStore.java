package io.tryx.protocol.store;

import io.tryx.protocol.jid.Jid;

import java.util.Optional;

/** A bounded memory of sent messages for answering retry receipts. */
public interface SentMessageStore {

    Optional<SentMessage> sentMessage(Jid chat, String id);

    void storeSentMessage(SentMessage message);

    /** Forgets messages sent before {@code beforeMillis}. */
    void pruneSentMessages(long beforeMillis);
}
