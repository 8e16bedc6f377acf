package io.tryx.bridge.state;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.DeviceList;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * One keyed value of an account's state as the changelog keeps it: every record of the compacted state topic
 * is the latest entry under its {@link #key()} (or a tombstone). Where the protocol's {@code StateChange}s are
 * operations (clear, prune, LID re-pairing), entries are plain values, so compaction can keep the last one per key.
 * The key is unique within the account; the entry itself carries every field its key names, so a record decodes
 * without parsing the key.
 */
sealed interface StateEntry {

    HexFormat HEX = HexFormat.of();

    /** The entry's key within its account ({@code session|15551234567.0}). */
    String key();

    static String addressKey(SignalAddress address) {
        return address.name() + "." + address.deviceId();
    }

    record Credentials(DeviceCredentials value) implements StateEntry {
        static final String KEY = "credentials";

        @Override
        public String key() {
            return KEY;
        }
    }

    record Identity(SignalAddress address, IdentityKey identity) implements StateEntry {
        static String key(SignalAddress address) {
            return "identity|" + addressKey(address);
        }

        @Override
        public String key() {
            return key(address);
        }
    }

    record PreKey(PreKeyRecord record) implements StateEntry {
        static String key(int id) {
            return "prekey|" + id;
        }

        @Override
        public String key() {
            return key(record.id());
        }
    }

    record SignedPreKey(SignedPreKeyRecord record) implements StateEntry {
        static String key(int id) {
            return "signed-prekey|" + id;
        }

        @Override
        public String key() {
            return key(record.id());
        }
    }

    record Session(SignalAddress address, SessionRecord record) implements StateEntry {
        static String key(SignalAddress address) {
            return "session|" + addressKey(address);
        }

        @Override
        public String key() {
            return key(address);
        }
    }

    record SenderKey(SenderKeyName name, SenderKeyRecord record) implements StateEntry {
        static String key(SenderKeyName name) {
            return "sender-key|" + name.groupId() + "|" + addressKey(name.sender());
        }

        @Override
        public String key() {
            return key(name);
        }
    }

    /** A LID mapping, keyed by the phone-number user (each phone user has at most one LID and vice versa). */
    record Lid(Jid phoneUser, Jid lidUser) implements StateEntry {
        static String key(Jid phoneUser) {
            return "lid|" + phoneUser;
        }

        @Override
        public String key() {
            return key(phoneUser);
        }
    }

    record Devices(DeviceList list) implements StateEntry {
        static String key(Jid user) {
            return "devices|" + user;
        }

        @Override
        public String key() {
            return key(list.user());
        }
    }

    /**
     * A message secret, for polls the original message (empty when not kept), and when the message was sent or
     * received (0 for entries written before that was kept: they are the first to be pruned).
     */
    record Secret(MessageRef message, byte[] secret, byte[] original, long storedAtMillis) implements StateEntry {
        public Secret {
            secret = secret.clone();
            original = original == null ? new byte[0] : original.clone();
        }

        static String key(MessageRef message) {
            return "secret|" + message.chat() + "|" + message.sender() + "|" + message.id();
        }

        @Override
        public String key() {
            return key(message);
        }
    }

    record Buffered(BufferedPlaintext entry) implements StateEntry {
        static String key(byte[] ciphertextHash) {
            return "buffer|" + HEX.formatHex(ciphertextHash);
        }

        @Override
        public String key() {
            return key(entry.ciphertextHash());
        }
    }

    record Sent(SentMessage message) implements StateEntry {
        static String key(Jid chat, String id) {
            return "sent|" + chat + "|" + id;
        }

        @Override
        public String key() {
            return key(message.chat(), message.id());
        }
    }

    record SyncKey(AppStateSyncKey value) implements StateEntry {
        static String key(byte[] keyId) {
            return "sync-key|" + HEX.formatHex(keyId);
        }

        @Override
        public String key() {
            return key(value.keyId());
        }
    }

    record Collection(CollectionState state) implements StateEntry {
        static String key(String name) {
            return "collection|" + name;
        }

        @Override
        public String key() {
            return key(state.name());
        }
    }

    record SenderKeyRecipients(Jid group, Set<Jid> devices) implements StateEntry {
        public SenderKeyRecipients {
            Objects.requireNonNull(group, "group");
            devices = Set.copyOf(devices);
        }

        static String key(Jid group) {
            return "sender-key-recipients|" + group;
        }

        @Override
        public String key() {
            return key(group);
        }
    }

    /**
     * The bridge published the event with this id (in the same transaction as this entry): a redelivered message
     * does not publish it again. Pruned with the decrypted buffer.
     */
    record Published(String eventId, long atMillis) implements StateEntry {
        static String key(String eventId) {
            return "published|" + eventId;
        }

        @Override
        public String key() {
            return key(eventId);
        }
    }
}
