package io.tryx.protocol.store.sql;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.DeviceList;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StateChange;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.StoreException;
import io.tryx.protocol.store.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the SQL backends promise beyond the shared contract: an apply is one transaction, concurrent applies
 * stay consistent, and migrations can run again. Each dialect's test supplies the database and a way to
 * make one kind of write fail inside the database.
 */
abstract class SqlBackendContract {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Jid PHONE = Jid.parse("15550001111@s.whatsapp.net");
    static final String POISON = "poison";

    protected StoreBackend backend;

    /** A fresh backend over a new, empty database. */
    protected abstract StoreBackend newBackend();

    /** Closes {@link #backend} and opens a new one over the same database. */
    protected abstract StoreBackend reopen();

    /** A connection to the backend's database that bypasses the store. */
    protected abstract Connection rawConnection() throws SQLException;

    /** Makes the database itself refuse any sent message whose id is {@link #POISON}. */
    protected abstract void refusePoisonedSentMessages(Statement statement) throws SQLException;

    @BeforeEach
    void openBackend() {
        backend = newBackend();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    static DeviceCredentials credentials() {
        return DeviceCredentials.generate(RANDOM, 1_700_000_000_000L);
    }

    static byte[] hash(int n) {
        return ByteBuffer.allocate(32).putInt(n).array();
    }

    long count(String table, String accountId) throws SQLException {
        try (Connection connection = rawConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE account_id = '" + accountId + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aListWhoseLastChangeFailsInTheDatabaseLeavesNothingApplied() throws SQLException {
        AccountStore store = backend.open("a");
        try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
            refusePoisonedSentMessages(statement);
        }
        SignalAddress peer = new SignalAddress("15550001111", 0);
        List<StateChange> changes = new ArrayList<>(List.of(
                new StateChange.CredentialsSaved(credentials()),
                new StateChange.IdentitySaved(peer, IdentityKeyPair.generate(RANDOM).publicKey()),
                new StateChange.LidMapped(Jid.parse("100000000000001@lid"), PHONE),
                new StateChange.PlaintextBuffered(new BufferedPlaintext(hash(1), new byte[]{1}, 10, 20))));
        KeyHelper.generatePreKeys(1, 5, RANDOM).forEach(p -> changes.add(new StateChange.PreKeyStored(p)));
        changes.add(new StateChange.SentMessageStored(new SentMessage(PHONE, POISON, new byte[]{1}, 30)));

        assertThatThrownBy(() -> store.apply(changes)).isInstanceOf(StoreException.class)
                .hasMessageContaining("account a").hasCauseInstanceOf(SQLException.class);

        assertThat(store.load()).isEmpty();
        assertThat(store.identity(peer)).isEmpty();
        assertThat(store.lidForPhone(PHONE)).isEmpty();
        assertThat(store.bufferedPlaintext(hash(1))).isEmpty();
        assertThat(store.preKey(1)).isEmpty();
        for (String table : AccountTables.ALL) {
            assertThat(count(table, "a")).as(table).isZero();
        }
        changes.removeLast();
        store.apply(changes);
        assertThat(store.preKey(5)).as("the store keeps serving after a failed apply").isPresent();
        assertThat(store.lidForPhone(PHONE)).isPresent();
    }

    /** The tables of the migrated schema, from the database's own catalog (Flyway's history excluded). */
    List<String> schemaTables() throws SQLException {
        try (Connection connection = rawConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                String name = tables.getString("TABLE_NAME");
                if ((schema == null || schema.equals("public")) && !name.equals(Migrations.HISTORY_TABLE)) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    private static void fillEveryTable(AccountStore store) {
        DeviceCredentials credentials = credentials();
        SignalAddress peer = new SignalAddress("15550001111", 0);
        UnitOfWork work = store.begin();
        work.save(credentials);
        work.saveIdentity(peer, IdentityKeyPair.generate(RANDOM).publicKey());
        work.storePreKey(KeyHelper.generatePreKeys(1, 1, RANDOM).getFirst());
        work.storeSignedPreKey(credentials.signedPreKey());
        work.storeSession(peer, SessionRecord.empty());
        new GroupSessionBuilder(RANDOM).create(work, new SenderKeyName("1203630001@g.us", peer));
        work.storeLidMapping(Jid.parse("100000000000001@lid"), PHONE);
        work.storeDeviceList(new DeviceList(PHONE, List.of(0, 1), 1, 1));
        work.storeMessageSecret(new MessageRef(PHONE, PHONE, "S"), new byte[32], 1);
        work.bufferPlaintext(new BufferedPlaintext(hash(1), new byte[]{1}, 1, 1));
        work.storeSentMessage(new SentMessage(PHONE, "M", new byte[]{1}, 1));
        work.storeAppStateSyncKey(new AppStateSyncKey(new byte[]{1}, new byte[32], null, 1));
        work.storeCollection(CollectionState.initial("regular"));
        work.addSenderKeyRecipients(Jid.parse("1203630001@g.us"), java.util.Set.of(PHONE.withDevice(1)));
        work.commit();
    }

    @Test
    void clearingAnAccountEmptiesEveryTableOfTheSchemaForItAlone() throws SQLException {
        fillEveryTable(backend.open("a"));
        fillEveryTable(backend.open("b"));
        List<String> tables = schemaTables();
        assertThat(tables).containsExactlyInAnyOrderElementsOf(AccountTables.ALL);
        for (String table : tables) {
            assertThat(count(table, "a")).as(table).isEqualTo(1);
        }
        backend.open("a").clear();
        for (String table : tables) {
            assertThat(count(table, "a")).as(table).isZero();
            assertThat(count(table, "b")).as(table).isEqualTo(1);
        }
    }

    @Test
    void concurrentAppliesToDifferentAccountsAndToOneAccountAllLand() throws Exception {
        int threads = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    AccountStore own = backend.open("own-" + thread);
                    AccountStore shared = backend.open("shared");
                    for (int i = 0; i < rounds; i++) {
                        int n = thread * 1000 + i;
                        List<StateChange> unit = List.of(
                                new StateChange.PlaintextBuffered(new BufferedPlaintext(hash(n), new byte[]{(byte) i}, i, i)),
                                new StateChange.SentMessageStored(new SentMessage(PHONE, "M" + n, new byte[]{1}, i)));
                        own.apply(unit);
                        shared.apply(unit);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            assertThat(count("decrypted_buffer", "own-" + t)).isEqualTo(rounds);
            assertThat(count("sent_messages", "own-" + t)).isEqualTo(rounds);
        }
        assertThat(count("decrypted_buffer", "shared")).isEqualTo((long) threads * rounds);
        assertThat(count("sent_messages", "shared")).isEqualTo((long) threads * rounds);
        AccountStore shared = backend.open("shared");
        IntStream.range(0, threads).forEach(t -> assertThat(shared.sentMessage(PHONE, "M" + (t * 1000 + rounds - 1))).isPresent());
    }

    @Test
    void racingLidMappingsOfOneUserLeaveExactlyOneConsistentPairing() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AccountStore store = backend.open("a");
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        store.storeLidMapping(Jid.parse("1000000000" + thread + String.format("%04d", i) + "@lid"), PHONE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Jid lid = store.lidForPhone(PHONE).orElseThrow();
        assertThat(store.phoneForLid(lid)).contains(PHONE);
        assertThat(count("lid_mappings", "a")).isEqualTo(1);
    }

    @Test
    void migrationsRunOnceAndReopeningChangesNothing() throws SQLException {
        backend.open("a").save(credentials());
        backend = reopen();
        backend = reopen();
        assertThat(backend.accountIds()).containsExactly("a");
        try (Connection connection = rawConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, success FROM " + Migrations.HISTORY_TABLE
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                assertThat(rows.getBoolean(2)).isTrue();
                applied.add(rows.getString(1));
            }
            assertThat(applied).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void aClosedBackendFailsWithATypedError() {
        AccountStore store = backend.open("a");
        backend.close();
        assertThatThrownBy(() -> store.save(credentials())).isInstanceOf(StoreException.class);
        assertThatThrownBy(store::load).isInstanceOf(StoreException.class);
        backend = newBackend();
    }
}
