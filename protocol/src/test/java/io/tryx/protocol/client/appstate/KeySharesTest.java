package io.tryx.protocol.client.appstate;

import com.google.protobuf.ByteString;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.ServerSyncProto.KeyId;
import io.tryx.protocol.proto.ServerSyncProto.SyncdMutation;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import io.tryx.protocol.proto.ServerSyncProto.SyncdRecord;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys come only from our own phone, and keys we lack are asked for at most once a day. */
class KeySharesTest {

    static final Jid OWN = Jid.parse("15550002222:4@s.whatsapp.net");
    static final Jid OWN_LID = Jid.parse("88000000002222:4@lid");

    private final InMemoryAccountStore store = new InMemoryAccountStore("a");

    KeySharesTest() {
        store.save(DeviceCredentials.generate(new SecureRandom(), 0).paired(OWN, OWN_LID, new byte[0]));
    }

    @Test
    void ourPhonesKeyShareIsStoredAndStartsASyncOthersAreDropped() {
        AtomicInteger syncs = new AtomicInteger();
        KeyShareConsumer consumer = new KeyShareConsumer(store, syncs::incrementAndGet);

        assertThat(consumer.consume(info(Jid.parse("88000000002222@lid")), share(new byte[] {9, 9}))).isTrue();
        assertThat(store.appStateSyncKey(new byte[] {9, 9})).isPresent();
        assertThat(store.latestAppStateSyncKey().orElseThrow().timestamp()).isEqualTo(1234);
        assertThat(syncs).hasValue(1);

        assertThat(consumer.consume(info(Jid.parse("15550002222:2@s.whatsapp.net")), share(new byte[] {7}))).isTrue();
        assertThat(consumer.consume(info(Jid.parse("15550009999@s.whatsapp.net")), share(new byte[] {8}))).isTrue();
        assertThat(store.appStateSyncKey(new byte[] {7})).isEmpty();
        assertThat(store.appStateSyncKey(new byte[] {8})).isEmpty();
        assertThat(syncs).hasValue(1);

        assertThat(consumer.consume(info(Jid.parse("15550002222@s.whatsapp.net")),
                E2EProto.Message.newBuilder().setConversation("hi").build())).isFalse();
    }

    @Test
    void missingKeysAreAskedForOnceADay() {
        store.storeAppStateSyncKey(new AppStateSyncKey(new byte[] {1}, new byte[32], null, 1));
        List<E2EProto.Message> sent = new CopyOnWriteArrayList<>();
        AtomicLong now = new AtomicLong(1_000_000);
        KeyRequests requests = new KeyRequests(store, m -> {
            sent.add(m);
            return CompletableFuture.completedFuture(null);
        }, () -> Instant.ofEpochMilli(now.get()));
        SyncdPatch patch = SyncdPatch.newBuilder().setKeyId(keyId(1)).addMutations(SyncdMutation.newBuilder()
                .setRecord(SyncdRecord.newBuilder().setKeyId(keyId(2)))).addMutations(SyncdMutation.newBuilder()
                .setRecord(SyncdRecord.newBuilder().setKeyId(keyId(3)))).build();

        List<byte[]> missing = requests.missing(null, List.of(patch));
        assertThat(missing).containsExactly(new byte[] {2}, new byte[] {3});
        requests.request(missing).join();
        requests.request(missing).join();
        now.addAndGet(KeyRequests.INTERVAL.toMillis());
        requests.request(List.of(new byte[] {3})).join();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getProtocolMessage().getType())
                .isEqualTo(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_REQUEST);
        assertThat(sent.get(0).getProtocolMessage().getAppStateSyncKeyRequest().getKeyIdsList())
                .extracting(k -> k.getKeyId().toByteArray()).containsExactly(new byte[] {2}, new byte[] {3});
        assertThat(sent.get(1).getProtocolMessage().getAppStateSyncKeyRequest().getKeyIdsCount()).isEqualTo(1);
    }

    private static KeyId keyId(int id) {
        return KeyId.newBuilder().setId(ByteString.copyFrom(new byte[] {(byte) id})).build();
    }

    private static MessageInfo info(Jid sender) {
        return new MessageInfo("m1", sender.toNonAd(), sender, null, true, false, Instant.EPOCH, "", "peer", "text", false);
    }

    private static E2EProto.Message share(byte[] keyId) {
        var key = E2EProto.Message.AppStateSyncKey.newBuilder()
                .setKeyId(E2EProto.Message.AppStateSyncKeyId.newBuilder().setKeyId(ByteString.copyFrom(keyId)))
                .setKeyData(E2EProto.Message.AppStateSyncKeyData.newBuilder().setKeyData(ByteString.copyFrom(new byte[32]))
                        .setTimestamp(1234));
        return E2EProto.Message.newBuilder().setProtocolMessage(E2EProto.Message.ProtocolMessage.newBuilder()
                .setType(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE)
                .setAppStateSyncKeyShare(E2EProto.Message.AppStateSyncKeyShare.newBuilder().addKeys(key))).build();
    }
}
