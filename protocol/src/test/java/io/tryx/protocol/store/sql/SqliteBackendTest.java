package io.tryx.protocol.store.sql;

import io.tryx.protocol.store.StoreBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite backend: one file in WAL mode, one writer connection, transactions that roll back whole. */
class SqliteBackendTest extends SqlBackendContract {

    @TempDir
    Path folder;
    private Path file;

    @Override
    protected StoreBackend newBackend() {
        file = folder.resolve("tryx-" + System.nanoTime() + ".db");
        return StoreBackends.sqlite(file);
    }

    @Override
    protected StoreBackend reopen() {
        backend.close();
        return StoreBackends.sqlite(file);
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Override
    protected void refusePoisonedSentMessages(Statement statement) throws SQLException {
        statement.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON sent_messages WHEN NEW.message_id = '" + POISON
                + "' BEGIN SELECT RAISE(ABORT, 'poisoned message id'); END");
    }

    @Test
    void theFileIsInWalModeWithFullSync() throws SQLException {
        backend.open("a").save(credentials());
        assertThat(Files.exists(Path.of(file + "-wal"))).isTrue();
        try (Connection connection = rawConnection();
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertThat(mode.getString(1)).isEqualTo("wal");
        }
        SqlDatabase db = ((SqlStoreBackend) backend).database();
        Optional<Integer> synchronous = db.read("synchronous", c -> Sql.first(c, "PRAGMA synchronous", row -> row.getInt(1)));
        assertThat(synchronous).as("FULL: a commit is on disk before apply returns").contains(2);
    }
}
