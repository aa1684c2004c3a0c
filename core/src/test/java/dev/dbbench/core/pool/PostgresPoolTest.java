package dev.dbbench.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pool kind on a fresh PostgreSQL database, where a server can kill a pooled connection. */
class PostgresPoolTest extends PoolContract {
    private static PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("PostgresPoolTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @Override
    Database database() {
        return Databases.postgres(endpoint);
    }

    @ParameterizedTest
    @EnumSource(value = PoolKind.class, names = {"DBCP2", "TOMCAT"})
    void withoutValidationAPoolHandsOutAConnectionTheServerKilled(PoolKind kind) throws Exception {
        try (ConnectionPool pool = ConnectionPools.create(kind, database(), SMALL.withMaximumSize(1).withValidation(PoolSettings.Validation.NONE))) {
            terminate(pool.withConnection(PostgresPoolTest::backendPid));
            DatabaseException e = assertThrows(DatabaseException.class, () -> pool.withConnection(PoolContract::selectOne));
            assertTrue(e.getMessage().startsWith("[" + kind.label() + "] statement failed ("), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = PoolKind.class, names = {"NONE", "HIKARI", "DBCP2", "TOMCAT"})
    void validationOnBorrowReplacesAConnectionTheServerKilled(PoolKind kind) throws Exception {
        try (ConnectionPool pool = ConnectionPools.create(kind, database(), SMALL.withMaximumSize(1).withValidation(PoolSettings.Validation.ON_BORROW))) {
            int killed = pool.withConnection(PostgresPoolTest::backendPid);
            terminate(killed);
            if (kind == PoolKind.HIKARI) {
                // HikariCP cannot check on every borrow: it checks connections idle longer than its 500 ms bypass window.
                Thread.sleep(600);
            }
            int replacement = pool.withConnection(PostgresPoolTest::backendPid);
            assertNotEquals(killed, replacement);
            assertEquals(1, pool.withConnection(PoolContract::selectOne));
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Terminates a backend from another connection and waits until the server has removed it. */
    private static void terminate(int pid) throws SQLException, InterruptedException {
        try (Connection admin = endpoint.connect();
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
             PreparedStatement gone = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            kill.setInt(1, pid);
            kill.execute();
            gone.setInt(1, pid);
            for (int i = 0; i < 3000; i++) {
                try (ResultSet rs = gone.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("backend " + pid + " still running 30 s after pg_terminate_backend");
        }
    }
}
