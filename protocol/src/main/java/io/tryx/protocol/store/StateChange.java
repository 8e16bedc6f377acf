package io.tryx.protocol.store;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;

import java.util.Objects;
import java.util.Set;

/**
 * One write to an account's state, as a value. An operation collects its writes in a {@link UnitOfWork}
 * and a backend applies the list atomically ({@link AccountStore#apply}); a backend that commits state
 * together with Kafka records can turn the same list into changelog records.
 */
public sealed interface StateChange {

    record CredentialsSaved(DeviceCredentials credentials) implements StateChange {
    }

    /** Wipes the whole account (logout). */
    record AccountCleared() implements StateChange {
    }

    record IdentitySaved(SignalAddress address, IdentityKey identity) implements StateChange {
    }

    record PreKeyStored(PreKeyRecord record) implements StateChange {
    }

    record PreKeyRemoved(int id) implements StateChange {
    }

    record SignedPreKeyStored(SignedPreKeyRecord record) implements StateChange {
    }

    record SignedPreKeyRemoved(int id) implements StateChange {
    }

    record SessionStored(SignalAddress address, SessionRecord record) implements StateChange {
    }

    record SessionDeleted(SignalAddress address) implements StateChange {
    }

    record SenderKeyStored(SenderKeyName name, SenderKeyRecord record) implements StateChange {
    }

    record LidMapped(Jid lidUser, Jid phoneUser) implements StateChange {
    }

    record DeviceListStored(DeviceList list) implements StateChange {
    }

    /** A message's secret; {@code original} is the message's protobuf when kept (a poll), else empty. */
    record MessageSecretStored(MessageRef message, byte[] secret, byte[] original, long atMillis) implements StateChange {
        public MessageSecretStored {
            secret = secret.clone();
            original = original == null ? new byte[0] : original.clone();
        }


        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public byte[] original() {
            return original.clone();
        }
    }

    record PlaintextBuffered(BufferedPlaintext entry) implements StateChange {
    }

    record PlaintextHandled(byte[] ciphertextHash) implements StateChange {
        public PlaintextHandled {
            ciphertextHash = ciphertextHash.clone();
        }

        @Override
        public byte[] ciphertextHash() {
            return ciphertextHash.clone();
        }
    }

    record BufferPruned(long beforeMillis) implements StateChange {
    }

    record MessageSecretsPruned(long beforeMillis) implements StateChange {
    }

    record SentMessageStored(SentMessage message) implements StateChange {
    }

    record SentMessagesPruned(long beforeMillis) implements StateChange {
    }

    record AppStateSyncKeyStored(AppStateSyncKey key) implements StateChange {
    }

    record CollectionStored(CollectionState state) implements StateChange {
    }

    /** {@code devices} received our current sender key of {@code group}. */
    record SenderKeyRecipientsAdded(Jid group, Set<Jid> devices) implements StateChange {
        public SenderKeyRecipientsAdded {
            Objects.requireNonNull(group, "group");
            devices = Set.copyOf(devices);
        }
    }

    /** Nobody holds our current sender key of {@code group} any more (it was rotated). */
    record SenderKeyRecipientsForgotten(Jid group) implements StateChange {
        public SenderKeyRecipientsForgotten {
            Objects.requireNonNull(group, "group");
        }
    }
}
