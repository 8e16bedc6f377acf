package io.tryx.protocol.client.history;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto.Message.HistorySyncType;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One history chunk as its notification announced it.
 *
 * @param notificationId the id of the peer message that announced the chunk (stable across redeliveries)
 * @param account        our account (user JID, no device)
 * @param syncType       what the chunk holds
 * @param chunkOrder     its position in the sync, from 0
 * @param progress       the phone's progress of the whole sync after this chunk, 0-100, when it said
 * @param announcedAt    when the notification was sent
 */
public record HistoryChunk(String notificationId, Jid account, HistorySyncType syncType, int chunkOrder,
                           OptionalInt progress, Instant announcedAt) {

    public HistoryChunk {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(syncType, "syncType");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(announcedAt, "announcedAt");
    }
}
