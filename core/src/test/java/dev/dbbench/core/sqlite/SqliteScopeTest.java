package dev.dbbench.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.SqlConsumer;
import dev.dbbench.core.SqlFunction;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guide's get_db(): WAL and foreign keys really on, and a failed scope leaves nothing. */
class SqliteScopeTest {
    private SqliteDirectory dir;
    private Database db;
    private SqliteUsers users;

    @BeforeEach
    void createDatabase() {
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("app.db"));
        users = new SqliteUsers(db);
        users.createSchema();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
        dir.close();
    }

    @Test
    void guideSettingsAreReallyOn() {
        db.useConnection(c -> {
            assertEquals("wal", pragma(c, "journal_mode"));
            assertEquals("1", pragma(c, "foreign_keys"));
            assertEquals("2", pragma(c, "synchronous"), "FULL, SQLite's default, which the guide leaves alone");
            assertEquals("30000", pragma(c, "busy_timeout"));
        });
    }

    @Test
    void foreignKeysAreEnforced() {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id))");
            }
        });
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.useTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO orders (user_id) VALUES (42)");
            }
        }));
        assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
        assertEquals(0, SqliteTestSupport.count(db, "orders"));
    }

    @Test
    void failedScopeLeavesNothingBehind() {
        IllegalStateException boom = new IllegalStateException("boom after two inserts");
        // Typed, because a lambda that always throws fits both inTransaction overloads.
        SqlConsumer work = c -> {
            SqliteUsers.insertOrIgnore(c, new NewUser("a@x", "A"));
            SqliteUsers.insertOrIgnore(c, new NewUser("b@x", "B"));
            assertTrue(SqliteUsers.findByEmail(c, "a@x").isPresent(), "visible inside the scope");
            throw boom;
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.useTransaction(work));
        assertSame(boom, thrown);
        assertEquals(0, SqliteTestSupport.count(db, "users"));
    }

    @Test
    void failedStatementRollsBackEarlierWorkInTheScope() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.useTransaction(c -> {
            SqliteUsers.insertOrIgnore(c, new NewUser("a@x", "A"));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (email, name) VALUES ('a@x', 'plain insert, no ignore')");
            }
        }));
        assertTrue(e.getMessage().contains("UNIQUE constraint failed: users.email"), e.getMessage());
        assertEquals(0, SqliteTestSupport.count(db, "users"));
    }

    @Test
    void successfulScopeCommits() {
        SqlFunction<Boolean> work = c -> SqliteUsers.insertOrIgnore(c, new NewUser("bob@example.com", "Bob"));
        assertTrue(db.inTransaction(work));
        assertEquals("Bob", users.findByEmail("bob@example.com").orElseThrow().name());
    }

    @Test
    void busyIsRecognised() throws SQLException {
        // A second connection with no busy timeout meets the first one's write lock.
        Database impatient = Databases.sqlite(dir.file("app.db"), SqliteSettings.guide().withBusyTimeout(Duration.ZERO));
        try (Connection holder = db.open(); Statement s = holder.createStatement(); Connection other = impatient.open()) {
            s.execute("BEGIN IMMEDIATE");
            SQLException e = assertThrows(SQLException.class, () -> SqliteUsers.insertOrIgnore(other, new NewUser("c@x", "C")));
            assertTrue(SqliteLocking.isBusy(e), e.getMessage());
            assertTrue(SqliteLocking.isBusy(new DatabaseException("wrapped", e.getSQLState(), e)), "a cause counts too");
            s.execute("ROLLBACK");
        }
        assertFalse(SqliteLocking.isBusy(new SQLException("other", "23000", 19)));
        assertFalse(SqliteLocking.isBusy(null));
    }

    private static String pragma(Connection c, String name) throws SQLException {
        // The PRAGMA name comes from this test's fixed set, never from a value.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
