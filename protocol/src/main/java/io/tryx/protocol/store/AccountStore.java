package io.tryx.protocol.store;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A durable backend of one account's state. Backends implement the reads and {@link #apply}, which must
 * apply a list of changes atomically and in order (one database transaction); every single write method is
 * an {@code apply} of one change. Operations that write several things (decrypting a message: the session,
 * the buffered plaintext, perhaps a prekey removal) go through {@link #begin()} so their writes commit
 * together or not at all. Implementations are thread-safe.
 */
public interface AccountStore extends AccountState {

    /** The name the account is stored under (chosen by the caller, stable across pairings). */
    String accountId();

    /** Applies the changes atomically, in order. */
    void apply(List<StateChange> changes);

    /**
     * Applies the changes like {@link #apply}, but may return before they are durable: reads see them at once and
     * the future completes when they are (or fails with a {@link StoreException}, and then nothing that read them
     * becomes durable either). Lets a caller release its locks before waiting; a backend whose commits are
     * synchronous (the default) applies them before returning.
     */
    default CompletableFuture<Void> applyAsync(List<StateChange> changes) {
        apply(changes);
        return CompletableFuture.completedFuture(null);
    }

    /** A unit of work over this store: reads see its own writes; {@link UnitOfWork#commit()} applies them. */
    default UnitOfWork begin() {
        return new UnitOfWork(this);
    }

    @Override
    default IdentityKeyPair localIdentity() {
        return load().orElseThrow(() -> new IllegalStateException("account " + accountId() + " has no credentials"))
                .identity();
    }

    @Override
    default int localRegistrationId() {
        return load().orElseThrow(() -> new IllegalStateException("account " + accountId() + " has no credentials"))
                .registrationId();
    }

    @Override
    default void save(DeviceCredentials credentials) {
        apply(List.of(new StateChange.CredentialsSaved(credentials)));
    }

    @Override
    default void clear() {
        apply(List.of(new StateChange.AccountCleared()));
    }

    @Override
    default void saveIdentity(SignalAddress address, IdentityKey identity) {
        apply(List.of(new StateChange.IdentitySaved(address, identity)));
    }

    @Override
    default void storePreKey(PreKeyRecord record) {
        apply(List.of(new StateChange.PreKeyStored(record)));
    }

    @Override
    default void removePreKey(int id) {
        apply(List.of(new StateChange.PreKeyRemoved(id)));
    }

    @Override
    default void storeSignedPreKey(SignedPreKeyRecord record) {
        apply(List.of(new StateChange.SignedPreKeyStored(record)));
    }

    @Override
    default void removeSignedPreKey(int id) {
        apply(List.of(new StateChange.SignedPreKeyRemoved(id)));
    }

    @Override
    default void storeSession(SignalAddress address, SessionRecord record) {
        apply(List.of(new StateChange.SessionStored(address, record)));
    }

    @Override
    default void deleteSession(SignalAddress address) {
        apply(List.of(new StateChange.SessionDeleted(address)));
    }

    @Override
    default void storeSenderKey(SenderKeyName name, SenderKeyRecord record) {
        apply(List.of(new StateChange.SenderKeyStored(name, record)));
    }

    @Override
    default void storeLidMapping(Jid lidUser, Jid phoneUser) {
        apply(List.of(new StateChange.LidMapped(lidUser, phoneUser)));
    }

    @Override
    default void storeDeviceList(DeviceList list) {
        apply(List.of(new StateChange.DeviceListStored(list)));
    }

    @Override
    default void storeMessageSecret(MessageRef message, byte[] secret, byte[] original, long atMillis) {
        apply(List.of(new StateChange.MessageSecretStored(message, secret, original, atMillis)));
    }

    @Override
    default void pruneMessageSecrets(long beforeMillis) {
        apply(List.of(new StateChange.MessageSecretsPruned(beforeMillis)));
    }

    @Override
    default void bufferPlaintext(BufferedPlaintext entry) {
        apply(List.of(new StateChange.PlaintextBuffered(entry)));
    }

    @Override
    default void markHandled(byte[] ciphertextHash) {
        apply(List.of(new StateChange.PlaintextHandled(ciphertextHash)));
    }

    @Override
    default void pruneBuffer(long beforeMillis) {
        apply(List.of(new StateChange.BufferPruned(beforeMillis)));
    }

    @Override
    default void storeSentMessage(SentMessage message) {
        apply(List.of(new StateChange.SentMessageStored(message)));
    }

    @Override
    default void pruneSentMessages(long beforeMillis) {
        apply(List.of(new StateChange.SentMessagesPruned(beforeMillis)));
    }

    @Override
    default void storeAppStateSyncKey(AppStateSyncKey key) {
        apply(List.of(new StateChange.AppStateSyncKeyStored(key)));
    }

    @Override
    default void storeCollection(CollectionState state) {
        apply(List.of(new StateChange.CollectionStored(state)));
    }

    @Override
    default void addSenderKeyRecipients(Jid group, Set<Jid> devices) {
        apply(List.of(new StateChange.SenderKeyRecipientsAdded(group, devices)));
    }

    @Override
    default void forgetSenderKeyRecipients(Jid group) {
        apply(List.of(new StateChange.SenderKeyRecipientsForgotten(group)));
    }
}
