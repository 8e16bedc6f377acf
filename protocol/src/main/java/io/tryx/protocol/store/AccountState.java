package io.tryx.protocol.store;

import io.tryx.protocol.signal.store.SignalStore;

/**
 * Everything one account (one linked device) remembers, read and written through one interface: its
 * credentials, Signal state, LID mappings, device lists, message secrets, the decrypted buffer, sent
 * messages, app state and who holds our group sender keys. Implemented by durable backends ({@link AccountStore}) and by the transactional
 * {@link UnitOfWork} over them, so an operation's code does not care which one it writes to.
 */
public interface AccountState extends CredentialStore, SignalStore, LidMappingStore, DeviceListStore,
        MessageSecretStore, DecryptedBufferStore, SentMessageStore, AppStateStore, SenderKeyRecipientStore {
}
