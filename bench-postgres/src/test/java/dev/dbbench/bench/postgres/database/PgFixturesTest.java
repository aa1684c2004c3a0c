package dev.dbbench.bench.postgres.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.Fixture;
import dev.dbbench.bench.database.Fixtures;
import dev.dbbench.bench.question.paging.UsersTable;
import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.ForkContract;
import dev.dbbench.core.provision.PostgresServer;
import dev.dbbench.core.provision.SharedPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A fixture built once as a template database and copied ({@code CREATE DATABASE ... TEMPLATE})
 * holds exactly what a fresh build holds; it is built once per key.
 */
class PgFixturesTest {

    @Test
    void aCopiedFixtureHoldsTheRowsAFreshBuildHolds() throws Exception {
        Fixture users = UsersTable.fixture(2_345);
        try (DatabaseTarget fresh = DatabaseTarget.fresh(Dialect.POSTGRES, "fresh");
                DatabaseTarget copy = DatabaseTarget.fromFixture(Dialect.POSTGRES, "copy", users)) {
            users.build().into(fresh.database());
            assertEquals(2_345, count(copy.database()));
            assertEquals(digest(fresh.database()), digest(copy.database()));
        }
    }

    @Test
    void aSecondUseCopiesAndAChangedKeyBuildsAnew() throws Exception {
        AtomicInteger built = new AtomicInteger();
        Fixture v1 = counted("test_rows", 1, built);
        try (DatabaseTarget first = DatabaseTarget.fromFixture(Dialect.POSTGRES, "first", v1);
                DatabaseTarget second = DatabaseTarget.fromFixture(Dialect.POSTGRES, "second", v1)) {
            assertEquals(1, built.get());
            assertEquals(1, Fixtures.shared().builds(v1));
            // Each trial has its own copy: a change to one is not seen by the other.
            first.database().useConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM users");
                }
            });
            assertEquals(0, count(first.database()));
            assertEquals(1_500, count(second.database()));
            assertNotEquals(first.endpoint().database(), second.endpoint().database());
        }
        Fixture v2 = counted("test_rows", 2, built);
        assertNotEquals(v1.key(), v2.key());
        try (DatabaseTarget third = DatabaseTarget.fromFixture(Dialect.POSTGRES, "third", v2)) {
            assertEquals(2, built.get());
            assertEquals(1_500, count(third.database()));
        }
    }

    @Test
    void aTemplateLeftHalfBuiltIsBuiltAgainAndAFailedBuildLeavesNothing() throws SQLException {
        PostgresServer server = SharedPostgres.get();
        String name = "fx_test_" + ForkContract.newFixtureRun();
        try {
            // A database of the template's name never marked finished: what a fork killed mid-build leaves.
            try (Connection c = server.admin().connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            AtomicInteger built = new AtomicInteger();
            assertTrue(server.ensureTemplate(name, endpoint -> built.incrementAndGet()));
            assertFalse(server.ensureTemplate(name, endpoint -> built.incrementAndGet()));
            assertEquals(1, built.get());
            assertEquals(1, server.dropTemplates(name));

            IllegalStateException failed = assertThrows(IllegalStateException.class, () -> server.ensureTemplate(name, endpoint -> {
                throw new IllegalStateException("generator failed");
            }));
            assertEquals("generator failed", failed.getMessage());
            assertEquals(0, server.dropTemplates(name));
        } finally {
            server.dropTemplates(name);
        }
    }

    /** The users fixture at 1,500 rows under a name and version of the test's, counting its builds. */
    private static Fixture counted(String generator, int version, AtomicInteger built) {
        Fixture users = UsersTable.fixture(1_500);
        // A key of this JVM's own: a fixture of the same name from another test class is not this one.
        return new Fixture(generator, version, users.contents() + ",test=" + System.identityHashCode(built), db -> {
            built.incrementAndGet();
            users.build().into(db);
        });
    }

    private static long count(Database db) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** SHA-256 over every column of every row in id order. */
    static String digest(Database db) throws SQLException {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM users ORDER BY id")) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        md.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                    }
                    md.update((byte) '\n');
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
