package io.tryx.protocol.signal.store;

import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.session.SessionRecord;

import java.util.Optional;

/**
 * Session records by address. Records are treated as values: operations never change a record they
 * loaded, they store a new one, so an implementation may keep the instances it was given.
 */
public interface SessionStore {

    Optional<SessionRecord> session(SignalAddress address);

    void storeSession(SignalAddress address, SessionRecord record);

    void deleteSession(SignalAddress address);
}
