package io.tryx.protocol.signal.group;

import com.google.protobuf.ByteString;
import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.SignalStoreProto.StoredMessageKey;
import io.tryx.protocol.proto.SignalStoreProto.StoredSenderKeyRecord;
import io.tryx.protocol.proto.SignalStoreProto.StoredSenderKeyState;
import io.tryx.protocol.signal.StoredFields;
import io.tryx.protocol.signal.session.ChainKey;
import io.tryx.protocol.signal.session.SessionLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Versioned protobuf form of {@link SenderKeyRecord} ({@code signal_store.proto}, version {@value #VERSION}). */
final class SenderKeyRecordCodec {

    static final int VERSION = 1;

    private SenderKeyRecordCodec() {
    }

    static byte[] encode(SenderKeyRecord record) {
        var builder = StoredSenderKeyRecord.newBuilder().setVersion(VERSION);
        for (SenderKeyState state : record.states) {
            var s = StoredSenderKeyState.newBuilder().setKeyId(state.keyId)
                    .setIteration(state.window.chainKey().index()).setChainKey(ByteString.copyFrom(state.window.chainKey().key()))
                    .setSigningPublic(ByteString.copyFrom(state.signingPublic))
                    .setEvictedThrough(state.window.evictedThrough());
            if (state.signingPrivate != null) {
                s.setSigningPrivate(ByteString.copyFrom(state.signingPrivate));
            }
            state.window.skipped().forEach((index, seed) ->
                    s.addSkipped(StoredMessageKey.newBuilder().setIndex(index).setSeed(ByteString.copyFrom(seed))));
            builder.addStates(s);
        }
        return builder.build().toByteArray();
    }

    static SenderKeyRecord decode(byte[] bytes) {
        StoredSenderKeyRecord stored = StoredFields.parse(StoredSenderKeyRecord.parser(), bytes, "sender key record");
        StoredFields.version(stored.hasVersion(), stored.getVersion(), VERSION, "sender key record");
        if (stored.getStatesCount() > SenderKeyRecord.MAX_STATES) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, "too many stored sender key states");
        }
        List<SenderKeyState> states = new ArrayList<>();
        for (StoredSenderKeyState s : stored.getStatesList()) {
            states.add(decode(s));
        }
        return new SenderKeyRecord(states);
    }

    private static SenderKeyState decode(StoredSenderKeyState s) {
        if (s.getSkippedCount() > SessionLimits.MAX_MESSAGE_KEYS) {
            throw new ProtocolException(ProtocolException.Reason.LIMIT_EXCEEDED, "too many stored sender message keys");
        }
        int keyId = StoredFields.count(s.hasKeyId(), s.getKeyId(), "sender key id");
        ChainKey chainKey = new ChainKey(StoredFields.count(s.hasIteration(), s.getIteration(), "iteration"),
                StoredFields.key(s.hasChainKey(), s.getChainKey(), "sender chain key"));
        byte[] signingPublic = StoredFields.key(s.hasSigningPublic(), s.getSigningPublic(), "signing key");
        byte[] signingPrivate = null;
        if (s.hasSigningPrivate()) {
            signingPrivate = StoredFields.keyPair(signingPublic,
                    StoredFields.key(true, s.getSigningPrivate(), "signing private key"), "signing key").privateKey();
        }
        LinkedHashMap<Integer, byte[]> skipped = new LinkedHashMap<>();
        for (StoredMessageKey k : s.getSkippedList()) {
            int index = StoredFields.count(k.hasIndex(), k.getIndex(), "sender message key index");
            skipped.put(index, StoredFields.key(k.hasSeed(), k.getSeed(), "sender message key seed"));
        }
        int evicted = s.hasEvictedThrough() ? s.getEvictedThrough() : -1;
        if (evicted < -1) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "stored eviction mark is out of range");
        }
        return new SenderKeyState(keyId, chainKey, signingPublic, signingPrivate, skipped, evicted);
    }
}
