package io.tryx.protocol.signal.session;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.proto.SignalStoreProto.StoredChain;
import io.tryx.protocol.proto.SignalStoreProto.StoredMessageKey;
import io.tryx.protocol.proto.SignalStoreProto.StoredPendingPreKey;
import io.tryx.protocol.proto.SignalStoreProto.StoredSessionRecord;
import io.tryx.protocol.proto.SignalStoreProto.StoredSessionState;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.StoredFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Versioned protobuf form of {@link SessionRecord} ({@code signal_store.proto}, version {@value #VERSION}). */
final class SessionRecordCodec {

    static final int VERSION = 1;

    private SessionRecordCodec() {
    }

    static byte[] encode(SessionRecord record) {
        var builder = StoredSessionRecord.newBuilder().setVersion(VERSION);
        if (record.current != null) {
            builder.setCurrent(encode(record.current));
        }
        record.previous.forEach(s -> builder.addPrevious(encode(s)));
        return builder.build().toByteArray();
    }

    static SessionRecord decode(byte[] bytes) {
        StoredSessionRecord stored = StoredFields.parse(StoredSessionRecord.parser(), bytes, "session record");
        StoredFields.version(stored.hasVersion(), stored.getVersion(), VERSION, "session record");
        if (stored.getPreviousCount() > SessionLimits.MAX_ARCHIVED_STATES) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, "too many archived session states");
        }
        List<SessionState> previous = new ArrayList<>();
        stored.getPreviousList().forEach(s -> previous.add(decode(s)));
        return new SessionRecord(stored.hasCurrent() ? decode(stored.getCurrent()) : null, previous);
    }

    private static StoredSessionState encode(SessionState state) {
        var builder = StoredSessionState.newBuilder()
                .setLocalIdentity(bytes(state.localIdentity.publicKey()))
                .setRemoteIdentity(bytes(state.remoteIdentity.publicKey()))
                .setBaseKey(bytes(state.baseKey))
                .setLocalRegistrationId(state.localRegistrationId)
                .setRemoteRegistrationId(state.remoteRegistrationId)
                .setRootKey(bytes(state.rootKey))
                .setSenderRatchetPublic(bytes(state.senderRatchet.publicKey()))
                .setSenderRatchetPrivate(bytes(state.senderRatchet.privateKey()))
                .setSenderChainIndex(state.senderChain.index())
                .setSenderChainKey(bytes(state.senderChain.key()))
                .setPreviousCounter(state.previousCounter);
        for (ReceiverChain chain : state.receiverChains) {
            var c = StoredChain.newBuilder().setRatchetKey(bytes(chain.ratchetKey()))
                    .setIndex(chain.chainKey().index()).setKey(bytes(chain.chainKey().key()))
                    .setEvictedThrough(chain.evictedThrough());
            chain.skipped().forEach((index, seed) ->
                    c.addSkipped(StoredMessageKey.newBuilder().setIndex(index).setSeed(bytes(seed))));
            builder.addReceiverChains(c);
        }
        if (state.pendingPreKey != null) {
            var p = StoredPendingPreKey.newBuilder().setSignedPreKeyId(state.pendingPreKey.signedPreKeyId())
                    .setBaseKey(bytes(state.pendingPreKey.baseKey()));
            state.pendingPreKey.preKeyId().ifPresent(p::setPreKeyId);
            builder.setPendingPreKey(p);
        }
        return builder.build();
    }

    private static SessionState decode(StoredSessionState s) {
        IdentityKey local = new IdentityKey(StoredFields.key(s.hasLocalIdentity(), s.getLocalIdentity(), "local identity"));
        IdentityKey remote = new IdentityKey(StoredFields.key(s.hasRemoteIdentity(), s.getRemoteIdentity(), "remote identity"));
        byte[] baseKey = StoredFields.key(s.hasBaseKey(), s.getBaseKey(), "base key");
        KeyPair ratchet = StoredFields.keyPair(
                StoredFields.key(s.hasSenderRatchetPublic(), s.getSenderRatchetPublic(), "sender ratchet key"),
                StoredFields.key(s.hasSenderRatchetPrivate(), s.getSenderRatchetPrivate(), "sender ratchet private key"),
                "sender ratchet key");
        ChainKey senderChain = new ChainKey(
                StoredFields.count(s.hasSenderChainIndex(), s.getSenderChainIndex(), "sender chain index"),
                StoredFields.key(s.hasSenderChainKey(), s.getSenderChainKey(), "sender chain key"));
        if (s.getReceiverChainsCount() > SessionLimits.MAX_RECEIVER_CHAINS) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, "too many stored receiver chains");
        }
        List<ReceiverChain> chains = new ArrayList<>();
        for (StoredChain c : s.getReceiverChainsList()) {
            chains.add(decode(c));
        }
        PendingPreKey pending = null;
        if (s.hasPendingPreKey()) {
            StoredPendingPreKey p = s.getPendingPreKey();
            pending = new PendingPreKey(
                    p.hasPreKeyId() ? OptionalInt.of(StoredFields.count(true, p.getPreKeyId(), "prekey id")) : OptionalInt.empty(),
                    StoredFields.count(p.hasSignedPreKeyId(), p.getSignedPreKeyId(), "signed prekey id"),
                    StoredFields.key(p.hasBaseKey(), p.getBaseKey(), "pending base key"));
        }
        return new SessionState(local, remote, baseKey,
                StoredFields.count(s.hasLocalRegistrationId(), s.getLocalRegistrationId(), "local registration id"),
                StoredFields.count(s.hasRemoteRegistrationId(), s.getRemoteRegistrationId(), "remote registration id"),
                StoredFields.key(s.hasRootKey(), s.getRootKey(), "root key"), ratchet, senderChain,
                StoredFields.count(s.hasPreviousCounter(), s.getPreviousCounter(), "previous counter"), chains, pending);
    }

    private static ReceiverChain decode(StoredChain c) {
        if (c.getSkippedCount() > SessionLimits.MAX_MESSAGE_KEYS) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, "too many stored message keys");
        }
        ChainKey chainKey = new ChainKey(StoredFields.count(c.hasIndex(), c.getIndex(), "chain index"),
                StoredFields.key(c.hasKey(), c.getKey(), "chain key"));
        Map<Integer, byte[]> skipped = new LinkedHashMap<>();
        for (StoredMessageKey k : c.getSkippedList()) {
            skipped.put(StoredFields.count(k.hasIndex(), k.getIndex(), "message key index"),
                    StoredFields.key(k.hasSeed(), k.getSeed(), "message key seed"));
        }
        int evicted = c.hasEvictedThrough() ? c.getEvictedThrough() : -1;
        if (evicted < -1) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "stored eviction mark is out of range");
        }
        return new ReceiverChain(StoredFields.key(c.hasRatchetKey(), c.getRatchetKey(), "receiver ratchet key"),
                chainKey, new LinkedHashMap<>(skipped), evicted);
    }

    private static ByteString bytes(byte[] b) {
        return ByteString.copyFrom(b);
    }
}
