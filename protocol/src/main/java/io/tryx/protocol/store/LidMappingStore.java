package io.tryx.protocol.store;

import io.tryx.protocol.jid.Jid;

import java.util.Optional;

/**
 * The mapping between users' phone-number JIDs and their LIDs (both without device), learned from usync,
 * notifications and message attributes. Each user has at most one of each.
 */
public interface LidMappingStore {

    Optional<Jid> lidForPhone(Jid phoneUser);

    Optional<Jid> phoneForLid(Jid lidUser);

    /** Records that {@code lidUser} and {@code phoneUser} are the same user, replacing older pairings of either. */
    void storeLidMapping(Jid lidUser, Jid phoneUser);
}
