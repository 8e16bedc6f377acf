package io.tryx.protocol.store.sql;

import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StoreBackend;
import io.tryx.protocol.store.StoreException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL backend on a real server: many accounts in one database, several processes on one database. */
class PostgresBackendTest extends SqlBackendContract {

    private String jdbcUrl;

    private StoreBackend connect() {
        return StoreBackends.postgres(jdbcUrl, EmbeddedPostgresServer.USER, "", 4);
    }

    @Override
    protected StoreBackend newBackend() {
        jdbcUrl = EmbeddedPostgresServer.shared().createDatabase();
        return connect();
    }

    @Override
    protected StoreBackend reopen() {
        backend.close();
        return connect();
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return EmbeddedPostgresServer.connect(jdbcUrl);
    }

    @Override
    protected void refusePoisonedSentMessages(Statement statement) throws SQLException {
        statement.execute("ALTER TABLE sent_messages ADD CONSTRAINT refuse_poison CHECK (message_id <> '" + POISON + "')");
    }

    @Test
    void twoAccountsInOneDatabaseKeepTheirOwnRowsUnderTheSameKeys() throws SQLException {
        AccountStore a = backend.open("a");
        AccountStore b = backend.open("b");
        PreKeyRecord aKey = KeyHelper.generatePreKeys(7, 1, RANDOM).getFirst();
        PreKeyRecord bKey = KeyHelper.generatePreKeys(7, 1, RANDOM).getFirst();
        a.storePreKey(aKey);
        b.storePreKey(bKey);
        a.storeSentMessage(new SentMessage(PHONE, "ID", new byte[]{'a'}, 1));
        b.storeSentMessage(new SentMessage(PHONE, "ID", new byte[]{'b'}, 1));
        a.removePreKey(7);

        assertThat(a.preKey(7)).isEmpty();
        assertThat(b.preKey(7).map(PreKeyRecord::keyPair).map(KeyPair::publicKey)).contains(bKey.keyPair().publicKey());
        assertThat(a.sentMessage(PHONE, "ID").orElseThrow().message()).containsExactly('a');
        assertThat(b.sentMessage(PHONE, "ID").orElseThrow().message()).containsExactly('b');
        assertThat(count("sent_messages", "a")).isEqualTo(1);
        assertThat(count("prekeys", "b")).isEqualTo(1);
    }

    @Test
    void twoProcessesOnOneDatabaseSeeEachOthersCommits() {
        try (StoreBackend other = connect()) {
            backend.open("a").save(credentials());
            other.open("b").save(credentials());
            other.open("a").storeSentMessage(new SentMessage(PHONE, "X", new byte[]{1}, 1));
            assertThat(backend.accountIds()).containsExactly("a", "b");
            assertThat(backend.open("a").sentMessage(PHONE, "X")).isPresent();
        }
    }

    @Test
    void anUnreachableDatabaseIsATypedError() {
        String wrong = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/')) + "/no_such_database";
        assertThatThrownBy(() -> StoreBackends.postgres(wrong, EmbeddedPostgresServer.USER, "", 1))
                .isInstanceOf(StoreException.class).hasMessageContaining("migrate");
    }
}
