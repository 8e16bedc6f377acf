package io.tryx.protocol.signal;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.SignalStoreProto.StoredSenderKeyRecord;
import io.tryx.protocol.proto.SignalStoreProto.StoredSessionRecord;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredRecordsTest {

    @Test
    void emptyRecordsRoundTrip() {
        assertThat(SessionRecord.deserialize(SessionRecord.empty().serialize()).currentState()).isEmpty();
        assertThat(SenderKeyRecord.deserialize(SenderKeyRecord.empty().serialize()).isEmpty()).isTrue();
    }

    @Test
    void recordsOfAnUnknownVersionAreRefused() {
        byte[] futureSession = StoredSessionRecord.newBuilder().setVersion(2).build().toByteArray();
        byte[] unversionedSenderKey = StoredSenderKeyRecord.newBuilder().build().toByteArray();
        assertThatThrownBy(() -> SessionRecord.deserialize(futureSession)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.UNSUPPORTED);
        assertThatThrownBy(() -> SenderKeyRecord.deserialize(unversionedSenderKey)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.UNSUPPORTED);
    }

    @Test
    void aStoredKeyPairThatDoesNotMatchIsRefused() {
        TestParty alice = new TestParty("alice", new java.security.SecureRandom());
        TestParty bob = new TestParty("bob", new java.security.SecureRandom());
        alice.startSessionWith(bob);
        byte[] bytes = alice.store.session(bob.address).orElseThrow().serialize();
        StoredSessionRecord stored = parse(bytes);
        var damaged = stored.toBuilder().setCurrent(stored.getCurrent().toBuilder()
                .setSenderRatchetPublic(stored.getCurrent().getRemoteIdentity())).build().toByteArray();
        assertThatThrownBy(() -> SessionRecord.deserialize(damaged)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.MALFORMED);
    }

    private static StoredSessionRecord parse(byte[] bytes) {
        try {
            return StoredSessionRecord.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
