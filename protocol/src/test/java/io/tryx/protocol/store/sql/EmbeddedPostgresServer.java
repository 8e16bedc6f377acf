package io.tryx.protocol.store.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests and benchmarks, listening on loopback only: zonky's embedded
 * PostgreSQL (a server process from the binaries artifact, started once per JVM). Each test takes a fresh
 * database. {@code -Dtryx.postgres.mode} selects the server; {@code embedded} (the default) is the only
 * mode so far.
 */
public final class EmbeddedPostgresServer {

    public static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final Duration startup;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Duration startup) {
        this.postgres = postgres;
        this.startup = startup;
    }

    /** The server shared by every test of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            String mode = System.getProperty("tryx.postgres.mode", "embedded");
            if (!mode.equals("embedded")) {
                throw new IllegalStateException("tryx.postgres.mode=" + mode + " is not supported; use 'embedded'");
            }
            shared = start(false);
        }
        return shared;
    }

    /**
     * Starts a server of its own. {@code durable} turns {@code synchronous_commit} back on (the embedded
     * default is off), so a commit waits for the WAL flush as on a production server.
     */
    public static EmbeddedPostgresServer start(boolean durable) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("embedded PostgreSQL started on port {} in {} ms", postgres.getPort(), startup.toMillis());
            return new EmbeddedPostgresServer(postgres, startup);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** How long the server took to start. */
    public Duration startup() {
        return startup;
    }

    /** Creates a new empty database and returns its JDBC URL (user {@link #USER}, no password). */
    public String createDatabase() {
        String name = "tryx_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    }

    /** A direct connection to a database of this server, outside any store (to inspect or sabotage it). */
    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, "");
    }

    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
