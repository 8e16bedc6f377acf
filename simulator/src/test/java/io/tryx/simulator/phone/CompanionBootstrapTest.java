package io.tryx.simulator.phone;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.message.MessageCodec;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.session.SessionCipher;
import io.tryx.protocol.signal.store.InMemorySignalStore;
import io.tryx.simulator.Harness;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.account.PreKeyUpload;
import io.tryx.simulator.appstate.AppStateService;
import io.tryx.simulator.history.ChatHistory;
import io.tryx.simulator.history.HistoryBlobReader;
import io.tryx.simulator.history.HistorySyncBlobs;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** A companion the phone links gets, as peer messages it decrypts, the app-state key share and then its history. */
class CompanionBootstrapTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MediaBlobs blobs = new MediaBlobs();
    private final MessagingHarness h = new MessagingHarness(new Harness());
    private final MockPhones phones = new MockPhones(h.harness.accounts, h.harness.messaging, h.harness.groups, h.harness.clock,
            new PhoneMedia(blobs, () -> "https://127.0.0.1:1"), 1000);
    private final AppStateService appState = new AppStateService(h.harness.messaging.delivery(), blobs, h.harness.clock);
    private final CompanionBootstrap bootstrap = new CompanionBootstrap(phones, appState, new HistorySyncBlobs(blobs));

    @AfterEach
    void close() {
        bootstrap.close();
        blobs.close();
    }

    @Test
    void theCompanionDecryptsTheKeyShareThenTheHistoryNotifications() throws Exception {
        phones.sendText(h.a, h.b.jid(), "sent before linking");
        phones.phone(h.a).history().add(new ChatHistory.Message("15550000009@s.whatsapp.net", "OLD1", false, null, "seeded", 50));
        phones.phone(h.a).history().pushName("15550000009@s.whatsapp.net", "Nine");

        TestClient client = h.harness.client();
        InMemorySignalStore store = new InMemorySignalStore(new IdentityKeyPair(client.identityKey), 77);
        LinkedDevice device = h.a.link(h.a.reserveSlot(), client.noiseKey.publicKey(), client.identityKey.publicKey(), "1");
        device.upload(keys(store));
        client.handshake(TestClient.login(h.a.phone(), device.deviceId()));
        bootstrap.run(device);

        List<Node> peer = tagged(client, "message");
        assertThat(peer).hasSize(3).allSatisfy(m -> {
            assertThat(m.attrs().string("from")).isEqualTo(h.a.jid().toString());
            assertThat(m.attrs().string("category")).isEqualTo("peer");
            assertThat(m.attrs().has("recipient")).isFalse();
        });
        SessionCipher cipher = new SessionCipher(RANDOM);
        List<E2EProto.Message> messages = new ArrayList<>();
        for (Node message : peer) {
            Node enc = message.child("enc").orElseThrow();
            messages.add(MessageCodec.decode(cipher.decrypt(store, new SignalAddress(h.a.phone(), 0),
                    enc.attrs().string("type"), enc.contentBytes().orElseThrow()).plaintext()));
        }
        var share = messages.getFirst().getProtocolMessage().getAppStateSyncKeyShare().getKeys(0);
        assertThat(share.getKeyId().getKeyId().toByteArray()).isEqualTo(appState.phone(h.a).keyId());
        assertThat(share.getKeyData().getKeyData().toByteArray()).isEqualTo(appState.phone(h.a).keyData());

        HistorySync history = HistoryBlobReader.read(blobs, messages.get(1).getProtocolMessage().getHistorySyncNotification());
        assertThat(history.getSyncType()).isEqualTo(HistorySync.HistorySyncType.INITIAL_BOOTSTRAP);
        assertThat(history.getConversationsList()).extracting(c -> c.getId())
                .containsExactlyInAnyOrder(h.b.jid().toString(), "15550000009@s.whatsapp.net");
        assertThat(history.getConversationsList()).filteredOn(c -> c.getId().equals(h.b.jid().toString())).singleElement()
                .satisfies(c -> assertThat(c.getMessages(0).getMessage().getMessage().getConversation()).isEqualTo("sent before linking"));
        HistorySync names = HistoryBlobReader.read(blobs, messages.get(2).getProtocolMessage().getHistorySyncNotification());
        assertThat(names.getPushnamesList()).extracting(p -> p.getPushname()).containsExactly("Nine");
        assertThat(bootstrap.completed()).isEqualTo(1);
    }

    private static PreKeyUpload keys(InMemorySignalStore store) {
        SignedPreKeyRecord signed = KeyHelper.generateSignedPreKey(store.localIdentity(), 1, 0, RANDOM);
        store.storeSignedPreKey(signed);
        List<PreKeyUpload.PreKey> preKeys = new ArrayList<>();
        for (PreKeyRecord record : KeyHelper.generatePreKeys(1, 3, RANDOM)) {
            store.storePreKey(record);
            preKeys.add(new PreKeyUpload.PreKey(record.id(), record.keyPair().publicKey()));
        }
        return new PreKeyUpload(77, store.localIdentity().publicKey().publicKey(),
                new PreKeyUpload.SignedPreKey(1, signed.keyPair().publicKey(), signed.signature()), preKeys);
    }
}
