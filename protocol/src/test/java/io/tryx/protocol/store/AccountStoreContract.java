package io.tryx.protocol.store;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.LtHash;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.SessionCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link StoreBackend} must show; each backend's test extends this class. {@link #reopen()}
 * must close the backend and open a new one over the same data, so persistence is checked, not assumed.
 */
public abstract class AccountStoreContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Jid ALICE = Jid.parse("15550001111@s.whatsapp.net");
    private static final Jid ALICE_LID = Jid.parse("100000000000001@lid");
    private static final Jid GROUP = Jid.parse("120363000000000001@g.us");

    protected StoreBackend backend;

    /** A fresh, empty backend. */
    protected abstract StoreBackend newBackend();

    /** Closes {@link #backend} and returns a new backend over the same data. */
    protected abstract StoreBackend reopen();

    @BeforeEach
    void openBackend() {
        backend = newBackend();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private AccountStore paired(String accountId) {
        AccountStore store = backend.open(accountId);
        store.save(DeviceCredentials.generate(RANDOM, 1_700_000_000_000L)
                .paired(Jid.parse("15550009999:2@s.whatsapp.net"), Jid.parse("100000000000009:2@lid"), new byte[]{1, 2}));
        return store;
    }

    private AccountStore reopened(String accountId) {
        backend = reopen();
        return backend.open(accountId);
    }

    @Test
    void credentialsSurviveReopenAndGiveTheLocalIdentity() {
        DeviceCredentials saved = paired("a").load().orElseThrow();
        AccountStore store = reopened("a");
        DeviceCredentials loaded = store.load().orElseThrow();
        assertThat(loaded.toString()).isEqualTo(saved.toString());
        assertThat(loaded.noiseKey()).isEqualTo(saved.noiseKey());
        assertThat(loaded.identity()).isEqualTo(saved.identity());
        assertThat(loaded.advSecret()).isEqualTo(saved.advSecret());
        assertThat(loaded.account()).isEqualTo(saved.account());
        assertThat(loaded.signedPreKey().signature()).isEqualTo(saved.signedPreKey().signature());
        assertThat(loaded.nextPreKeyId()).isEqualTo(saved.nextPreKeyId());
        assertThat(store.localIdentity()).isEqualTo(saved.identity());
        assertThat(store.localRegistrationId()).isEqualTo(saved.registrationId());
        assertThat(backend.accountIds()).containsExactly("a");
    }

    @Test
    void anAccountWithoutCredentialsHasNoLocalIdentity() {
        AccountStore store = backend.open("empty");
        assertThat(store.load()).isEmpty();
        assertThatThrownBy(store::localIdentity).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        assertThat(backend.accountIds()).isEmpty();
    }

    @Test
    void aSessionStoredThroughAUnitOfWorkStillDecryptsAfterReopen() {
        AccountStore store = paired("a");
        DeviceCredentials ours = store.load().orElseThrow();
        store.storeSignedPreKey(ours.signedPreKey());
        PreKeyRecord oneTime = KeyHelper.generatePreKeys(7, 1, RANDOM).getFirst();
        store.storePreKey(oneTime);
        TestParty alice = new TestParty("alice", RANDOM);
        SignalAddress us = new SignalAddress("15550009999", 2);
        alice.builder.processBundle(alice.store, us, new PreKeyBundle(ours.registrationId(), 2, OptionalInt.of(7),
                oneTime.keyPair().publicKey(), ours.signedPreKey().id(), ours.signedPreKey().keyPair().publicKey(),
                ours.signedPreKey().signature(), ours.identity().publicKey()));
        SessionCipher cipher = new SessionCipher(RANDOM);

        Ciphertext first = alice.cipher.encrypt(alice.store, us, "one".getBytes(StandardCharsets.UTF_8));
        UnitOfWork work = store.begin();
        assertThat(cipher.decrypt(work, alice.address, first.type(), first.serialized()).plaintext()).asString().isEqualTo("one");
        assertThat(store.session(alice.address)).as("nothing is written before commit").isEmpty();
        assertThat(work.preKey(7)).as("the unit of work sees its own removal").isEmpty();
        work.commit();

        AccountStore again = reopened("a");
        assertThat(again.preKey(7)).isEmpty();
        assertThat(again.identity(alice.address)).contains(alice.store.localIdentity().publicKey());
        Ciphertext second = alice.cipher.encrypt(alice.store, us, "two".getBytes(StandardCharsets.UTF_8));
        UnitOfWork next = again.begin();
        assertThat(cipher.decrypt(next, alice.address, second.type(), second.serialized()).plaintext()).asString().isEqualTo("two");
        next.commit();
        assertThat(again.session(alice.address).orElseThrow().serialize())
                .isEqualTo(next.session(alice.address).orElseThrow().serialize());
    }

    @Test
    void aDroppedUnitOfWorkLeavesTheStoreUnchanged() {
        AccountStore store = paired("a");
        UnitOfWork work = store.begin();
        work.storeLidMapping(ALICE_LID, ALICE);
        work.storeDeviceList(new DeviceList(ALICE, List.of(0, 3), 5, 10));
        assertThat(work.lidForPhone(ALICE)).contains(ALICE_LID);
        assertThat(work.changes()).hasSize(2);
        assertThat(store.lidForPhone(ALICE)).isEmpty();
        assertThat(store.deviceList(ALICE)).isEmpty();
    }

    @Test
    void anAsyncCommitIsVisibleAtOnceAndDurableOnceItCompletes() {
        AccountStore store = paired("a");
        UnitOfWork work = store.begin();
        work.storeLidMapping(ALICE_LID, ALICE);
        CompletableFuture<Void> durable = work.commitAsync();
        assertThat(work.changes()).isEmpty();
        assertThat(store.lidForPhone(ALICE)).contains(ALICE_LID);
        durable.join();
        assertThat(reopened("a").lidForPhone(ALICE)).contains(ALICE_LID);
    }

    @Test
    void senderKeysAndSignedPreKeysRoundTrip() {
        AccountStore store = paired("a");
        SenderKeyName name = new SenderKeyName(GROUP.toString(), new SignalAddress("15550001111", 0));
        new GroupSessionBuilder(RANDOM).create(store, name);
        byte[] record = store.senderKey(name).orElseThrow().serialize();
        var signed = KeyHelper.generateSignedPreKey(IdentityKeyPair.generate(RANDOM), 9, 123L, RANDOM);
        store.storeSignedPreKey(signed);
        AccountStore again = reopened("a");
        assertThat(again.senderKey(name).orElseThrow().serialize()).isEqualTo(record);
        assertThat(again.signedPreKey(9).orElseThrow().signature()).isEqualTo(signed.signature());
        assertThat(again.signedPreKey(9).orElseThrow().timestampMillis()).isEqualTo(123L);
        again.deleteSession(new SignalAddress("nobody", 1));
        assertThat(again.session(new SignalAddress("nobody", 1))).isEmpty();
    }

    @Test
    void aRotatedOutSignedPreKeyIsRemovedAndTheOthersStay() {
        AccountStore store = paired("a");
        IdentityKeyPair identity = IdentityKeyPair.generate(RANDOM);
        var old = KeyHelper.generateSignedPreKey(identity, 1, 100L, RANDOM);
        var current = KeyHelper.generateSignedPreKey(identity, 2, 200L, RANDOM);
        store.storeSignedPreKey(old);
        UnitOfWork work = store.begin();
        work.storeSignedPreKey(current);
        work.removeSignedPreKey(1);
        assertThat(work.signedPreKey(1)).as("the unit of work sees its own removal").isEmpty();
        assertThat(store.signedPreKey(1)).as("nothing applied before the commit").isPresent();
        work.commit();
        AccountStore again = reopened("a");
        assertThat(again.signedPreKey(1)).isEmpty();
        assertThat(again.signedPreKey(2).orElseThrow().timestampMillis()).isEqualTo(200L);
    }

    @Test
    void aNewLidMappingReplacesTheOldPairingInBothDirections() {
        AccountStore store = paired("a");
        Jid otherLid = Jid.parse("100000000000002@lid");
        store.storeLidMapping(ALICE_LID, ALICE);
        store.storeLidMapping(otherLid, ALICE);
        AccountStore again = reopened("a");
        assertThat(again.lidForPhone(ALICE)).contains(otherLid);
        assertThat(again.phoneForLid(otherLid)).contains(ALICE);
        assertThat(again.phoneForLid(ALICE_LID)).isEmpty();
    }

    @Test
    void deviceListsAndMessageSecretsRoundTrip() {
        AccountStore store = paired("a");
        store.storeDeviceList(new DeviceList(ALICE, List.of(5, 0, 2), 77, 1000));
        MessageRef poll = new MessageRef(GROUP, ALICE, "3EB0AAAA");
        store.storeMessageSecret(poll, new byte[32], 1_000);
        AccountStore again = reopened("a");
        assertThat(again.deviceList(ALICE)).contains(new DeviceList(ALICE, List.of(0, 2, 5), 77, 1000));
        assertThat(again.messageSecret(poll)).hasValueSatisfying(s -> assertThat(s).hasSize(32));
        assertThat(again.messageSecret(new MessageRef(GROUP, ALICE, "other"))).isEmpty();
        assertThat(again.storedSecret(poll).orElseThrow().original()).isEmpty();
    }

    @Test
    void aMessageSecretKeepsItsOriginalMessage() {
        AccountStore store = paired("a");
        MessageRef poll = new MessageRef(GROUP, ALICE, "3EB0BBBB");
        byte[] secret = new byte[32];
        secret[0] = 7;
        byte[] original = {10, 3, 'a', 'b', 'c'};
        UnitOfWork work = store.begin();
        work.storeMessageSecret(poll, secret, original, 4_000);
        assertThat(work.storedSecret(poll).orElseThrow().original()).isEqualTo(original);
        work.commit();
        var stored = reopened("a").storedSecret(poll).orElseThrow();
        assertThat(stored.secret()).isEqualTo(secret);
        assertThat(stored.original()).isEqualTo(original);
        assertThat(stored.storedAtMillis()).isEqualTo(4_000);
    }

    @Test
    void pruningForgetsTheSecretsOfOlderMessagesOnly() {
        AccountStore store = paired("a");
        MessageRef old = new MessageRef(GROUP, ALICE, "3EB0OLD");
        MessageRef recent = new MessageRef(GROUP, ALICE, "3EB0NEW");
        store.storeMessageSecret(old, new byte[32], 1_000);
        store.storeMessageSecret(recent, new byte[32], 9_000);
        UnitOfWork work = store.begin();
        work.pruneMessageSecrets(5_000);
        work.commit();
        AccountStore again = reopened("a");
        assertThat(again.storedSecret(old)).isEmpty();
        assertThat(again.storedSecret(recent)).isPresent();
    }

    @Test
    void handledPlaintextKeepsItsHashAndPruningForgetsOldEntries() {
        AccountStore store = paired("a");
        byte[] oldHash = {1, 1};
        byte[] newHash = {2, 2};
        UnitOfWork work = store.begin();
        work.bufferPlaintext(new BufferedPlaintext(oldHash, new byte[]{9}, 100, 1_000));
        work.bufferPlaintext(new BufferedPlaintext(newHash, new byte[]{8}, 200, 5_000));
        work.markHandled(newHash);
        assertThat(work.bufferedPlaintext(newHash).orElseThrow().handled()).isTrue();
        work.commit();
        AccountStore again = reopened("a");
        assertThat(again.bufferedPlaintext(oldHash).orElseThrow().plaintext()).containsExactly(9);
        assertThat(again.bufferedPlaintext(newHash).orElseThrow().handled()).isTrue();
        assertThat(again.bufferedPlaintext(newHash).orElseThrow().serverTimestamp()).isEqualTo(200);
        again.pruneBuffer(2_000);
        assertThat(again.bufferedPlaintext(oldHash)).isEmpty();
        assertThat(again.bufferedPlaintext(newHash)).isPresent();
    }

    @Test
    void sentMessagesAreFoundByChatAndIdUntilPruned() {
        AccountStore store = paired("a");
        store.storeSentMessage(new SentMessage(ALICE, "ID1", new byte[]{10, 1, 'h'}, 1_000));
        store.storeSentMessage(new SentMessage(GROUP, "ID2", new byte[]{10, 1, 'g'}, 3_000));
        AccountStore again = reopened("a");
        assertThat(again.sentMessage(ALICE, "ID1").orElseThrow().message()).containsExactly(10, 1, 'h');
        assertThat(again.sentMessage(GROUP, "ID1")).isEmpty();
        again.pruneSentMessages(2_000);
        assertThat(again.sentMessage(ALICE, "ID1")).isEmpty();
        assertThat(again.sentMessage(GROUP, "ID2")).isPresent();
    }

    @Test
    void appStateKeysAndCollectionsRoundTrip() {
        AccountStore store = paired("a");
        assertThat(store.collection("regular")).isEqualTo(CollectionState.initial("regular"));
        assertThat(store.latestAppStateSyncKey()).isEmpty();
        store.storeAppStateSyncKey(new AppStateSyncKey(new byte[]{0, 1}, new byte[32], new byte[]{5}, 10));
        store.storeAppStateSyncKey(new AppStateSyncKey(new byte[]{0, 2}, new byte[32], null, 20));
        byte[] hash = new byte[LtHash.SIZE];
        hash[3] = 7;
        store.storeCollection(new CollectionState("regular", 42, LtHash.of(hash), Map.of("aW5kZXg=", new byte[]{4, 2})));
        AccountStore again = reopened("a");
        assertThat(again.latestAppStateSyncKey().orElseThrow().keyId()).containsExactly(0, 2);
        assertThat(again.appStateSyncKey(new byte[]{0, 1}).orElseThrow().fingerprint()).containsExactly(5);
        assertThat(again.keyData(new byte[]{0, 3})).isEmpty();
        CollectionState regular = again.collection("regular");
        assertThat(regular.version()).isEqualTo(42);
        assertThat(regular.hash()).isEqualTo(LtHash.of(hash));
        assertThat(regular.valueMacs()).containsOnlyKeys("aW5kZXg=");
        assertThat(regular.valueMacs().get("aW5kZXg=")).containsExactly(4, 2);
    }

    @Test
    void senderKeyRecipientsAccumulatePerGroupUntilForgotten() {
        AccountStore store = paired("a");
        Jid otherGroup = Jid.parse("120363000000000002@g.us");
        Jid phone = ALICE.withDevice(0);
        Jid web = ALICE.withDevice(3);
        Jid lidDevice = ALICE_LID.withDevice(1);
        store.addSenderKeyRecipients(GROUP, Set.of(phone, web));
        store.addSenderKeyRecipients(GROUP, Set.of(web, lidDevice));
        store.addSenderKeyRecipients(otherGroup, Set.of(phone));
        AccountStore again = reopened("a");
        assertThat(again.senderKeyRecipients(GROUP)).containsExactlyInAnyOrder(phone, web, lidDevice);

        UnitOfWork work = again.begin();
        work.forgetSenderKeyRecipients(GROUP);
        assertThat(work.senderKeyRecipients(GROUP)).as("the unit of work sees its own writes").isEmpty();
        work.addSenderKeyRecipients(GROUP, Set.of(web));
        assertThat(work.senderKeyRecipients(GROUP)).containsExactly(web);
        assertThat(again.senderKeyRecipients(GROUP)).as("nothing applied before commit").hasSize(3);
        work.commit();
        AccountStore last = reopened("a");
        assertThat(last.senderKeyRecipients(GROUP)).containsExactly(web);
        assertThat(last.senderKeyRecipients(otherGroup)).containsExactly(phone);
        last.clear();
        assertThat(last.senderKeyRecipients(otherGroup)).isEmpty();
    }

    @Test
    void clearingAnAccountWipesAllItsStateButNoOtherAccount() {
        AccountStore a = paired("a");
        AccountStore b = paired("b");
        a.storeLidMapping(ALICE_LID, ALICE);
        b.storeLidMapping(ALICE_LID, ALICE);
        a.storeSentMessage(new SentMessage(ALICE, "X", new byte[]{1}, 1));
        a.storePreKey(KeyHelper.generatePreKeys(1, 1, RANDOM).getFirst());
        a.clear();
        assertThat(a.load()).isEmpty();
        assertThat(a.lidForPhone(ALICE)).isEmpty();
        assertThat(a.sentMessage(ALICE, "X")).isEmpty();
        assertThat(a.preKey(1)).isEmpty();
        AccountStore bAgain = reopened("b");
        assertThat(bAgain.lidForPhone(ALICE)).contains(ALICE_LID);
        assertThat(backend.accountIds()).containsExactly("b");
    }
}
