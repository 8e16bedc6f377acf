package io.tryx.protocol.signal.store;

/**
 * Everything one Signal operation reads and writes. Each operation (one encrypt, one decrypt, one session
 * setup) performs all its reads before its writes and writes nothing when it fails, so a caller gets an
 * atomic operation by passing a transactional view (for example {@link StagedSignalStore}) and committing
 * it when the call returns.
 */
public interface SignalStore extends IdentityKeyStore, PreKeyStore, SignedPreKeyStore, SessionStore, SenderKeyStore {
}
