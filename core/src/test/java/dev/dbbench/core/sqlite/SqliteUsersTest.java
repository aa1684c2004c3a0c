package dev.dbbench.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqliteUsersTest {
    private Database db;
    private SqliteUsers users;

    @BeforeEach
    void createDatabase() {
        db = Databases.sqliteInMemory();
        users = new SqliteUsers(db);
        users.createSchema();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void schemaHasTheGuidesTableAndIndex() {
        List<String> schema = SqliteTestSupport.schema(db);
        assertTrue(schema.stream().anyMatch(row -> row.startsWith("table|users|users|CREATE TABLE users")), schema::toString);
        assertTrue(schema.stream().anyMatch(row -> row.startsWith("index|idx_users_email|users|CREATE INDEX idx_users_email")), schema::toString);
        users.createSchema();
        assertEquals(schema, SqliteTestSupport.schema(db), "createSchema is idempotent");
    }

    @Test
    void insertOrIgnoreReportsWhetherARowWasInserted() {
        assertTrue(users.insertOrIgnore(new NewUser("alice@example.com", "Alice")));
        assertFalse(users.insertOrIgnore(new NewUser("alice@example.com", "Other Alice")));
        assertEquals(1, SqliteTestSupport.count(db, "users"));
        assertEquals("Alice", users.findByEmail("alice@example.com").orElseThrow().name(), "the ignored insert changed nothing");
    }

    @Test
    void findByEmailReturnsARecordWithDefaults() {
        users.insertOrIgnore(new NewUser("alice@example.com", "Alice"));
        SqliteUser alice = users.findByEmail("alice@example.com").orElseThrow();
        assertEquals(1, alice.id());
        assertEquals("alice@example.com", alice.email());
        assertEquals("Alice", alice.name());
        assertTrue(alice.active(), "is_active defaults to 1");
        assertEquals(alice.createdAt().truncatedTo(ChronoUnit.SECONDS), alice.createdAt(), "CURRENT_TIMESTAMP has whole seconds");
        assertEquals(Optional.empty(), users.findByEmail("ALICE@example.com"), "TEXT compares case-sensitively");
        assertEquals(Optional.empty(), users.findByEmail("bob@example.com"));
    }

    @Test
    void renameChangesOnlyThatUser() {
        users.insertOrIgnore(new NewUser("alice@example.com", "Alice"));
        users.insertOrIgnore(new NewUser("bob@example.com", "Bob"));
        assertTrue(users.rename("alice@example.com", "Alice Smith"));
        assertFalse(users.rename("nobody@example.com", "Nobody"));
        assertEquals("Alice Smith", users.findByEmail("alice@example.com").orElseThrow().name());
        assertEquals("Bob", users.findByEmail("bob@example.com").orElseThrow().name());
    }

    @Test
    void deleteInactiveCountsAndKeepsActiveUsers() {
        users.bulkInsert(List.of(new NewUser("a@x", "A"), new NewUser("b@x", "B"), new NewUser("c@x", "C")));
        assertTrue(users.setActive("a@x", false));
        assertTrue(users.setActive("c@x", false));
        assertFalse(users.setActive("nobody@x", false));
        assertFalse(users.findByEmail("a@x").orElseThrow().active());
        assertEquals(2, users.deleteInactive());
        assertEquals(0, users.deleteInactive());
        assertEquals(List.of("b@x"), users.all().stream().map(SqliteUser::email).toList());
    }

    @Test
    void bulkInsertIgnoresDuplicatesInTheListAndInTheTable() {
        users.insertOrIgnore(new NewUser("user1@example.com", "Existing"));
        List<NewUser> batch = List.of(
                new NewUser("user0@example.com", "User 0"),
                new NewUser("user1@example.com", "User 1"),
                new NewUser("user2@example.com", "User 2"),
                new NewUser("user0@example.com", "User 0 again"));
        assertEquals(2, users.bulkInsert(batch));
        assertEquals(List.of("Existing", "User 0", "User 2"), users.all().stream().map(SqliteUser::name).toList());
    }

    @Test
    void bulkInsertOfTheGuidesThousandUsers() {
        List<NewUser> batch = IntStream.range(0, 1000).mapToObj(i -> new NewUser("user" + i + "@example.com", "User " + i)).toList();
        assertEquals(1000, users.bulkInsert(batch));
        assertEquals(1000, SqliteTestSupport.count(db, "users"));
        assertEquals(0, users.bulkInsert(batch), "a second run inserts nothing");
    }

    @ParameterizedTest
    @EnumSource(UserInsertStrategy.class)
    void everyStrategyInsertsAndCounts(UserInsertStrategy strategy) {
        users.insertOrIgnore(new NewUser("dup@x", "Existing"));
        List<NewUser> batch = List.of(new NewUser("a@x", "A"), new NewUser("dup@x", "D"), new NewUser("b@x", "B"), new NewUser("a@x", "A2"));
        assertEquals(2, users.insertAll(batch, strategy));
        assertEquals(List.of("Existing", "A", "B"), users.all().stream().map(SqliteUser::name).toList());
        assertEquals(0, users.insertAll(List.of(), strategy));
    }

    @Test
    void failingBulkInsertLeavesNothing() {
        // A NOT NULL violation half-way cannot be expressed with NewUser (it refuses nulls), so a
        // trigger makes the 3rd row fail the way a constraint would.
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER refuse_c BEFORE INSERT ON users WHEN NEW.email = 'c@x' BEGIN SELECT RAISE(ABORT, 'refused c'); END");
            }
        });
        List<NewUser> batch = List.of(new NewUser("a@x", "A"), new NewUser("b@x", "B"), new NewUser("c@x", "C"));
        for (UserInsertStrategy strategy : List.of(UserInsertStrategy.PER_ROW_ONE_TRANSACTION, UserInsertStrategy.BATCH_ONE_TRANSACTION,
                UserInsertStrategy.MULTI_ROW_VALUES)) {
            DatabaseException e = assertThrows(DatabaseException.class, () -> users.insertAll(batch, strategy));
            assertTrue(e.getMessage().contains(" insert of 3 users failed (") && e.getMessage().contains("refused c"), e.getMessage());
            assertEquals(0, SqliteTestSupport.count(db, "users"), strategy + " left rows behind");
        }
        // Per-row commit keeps what it committed before the failure: that is its nature.
        assertThrows(DatabaseException.class, () -> users.insertAll(batch, UserInsertStrategy.PER_ROW_COMMIT));
        assertEquals(2, SqliteTestSupport.count(db, "users"));
    }

    @Test
    void multiRowValuesHonoursEveryChunkSizeUpToTheLimit() {
        int max = SqliteUsers.maxRowsPerStatement();
        assertEquals(16_383, max);
        List<NewUser> batch = IntStream.range(0, max + 5).mapToObj(i -> new NewUser("u" + i + "@x", "U" + i)).toList();
        assertEquals(batch.size(), users.insertMultiRowValues(batch, max), "one full statement and a remainder");
        for (int rows : new int[] {1, 3, 7}) {
            Database other = Databases.sqliteInMemory();
            try (other) {
                SqliteUsers otherUsers = new SqliteUsers(other);
                otherUsers.createSchema();
                List<NewUser> head = batch.subList(0, 20);
                assertEquals(20, otherUsers.insertMultiRowValues(head, rows));
                assertEquals(head, otherUsers.all().stream().map(u -> new NewUser(u.email(), u.name())).toList());
            }
        }
    }

    @Test
    void multiRowValuesRefusesChunksBeyondTheBindLimit() {
        List<NewUser> batch = List.of(new NewUser("a@x", "A"));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> users.insertMultiRowValues(batch, 16_384));
        assertEquals("[sqlite users] rowsPerStatement must be between 1 and 16383 (SQLite binds at most 32766 parameters per statement, 2 per user), was 16384",
                tooMany.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> users.insertMultiRowValues(batch, 0));
        assertTrue(zero.getMessage().endsWith("was 0"), zero.getMessage());
    }

    @Test
    void refusesAPostgresDatabase() {
        Database pg = Databases.postgres(new PgEndpoint("jdbc:postgresql://localhost:5432/app", "app", "secret"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SqliteUsers(pg));
        assertTrue(e.getMessage().startsWith("[sqlite users] needs a SQLite database, got POSTGRES ("), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "no password in messages");
    }

    @Test
    void refusesNullFieldsBeforeTouchingTheDatabase() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new NewUser(null, "A"));
        assertEquals("email (users.email is NOT NULL)", e.getMessage());
    }

    @Test
    void createdAtInAnotherFormIsReportedWithTheRow() {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (email, name, created_at) VALUES ('odd@x', 'Odd', 'yesterday')");
            }
        });
        DatabaseException e = assertThrows(DatabaseException.class, () -> users.findByEmail("odd@x"));
        assertEquals("[sqlite users] created_at of user id 1 is not SQLite's CURRENT_TIMESTAMP form 'YYYY-MM-DD HH:MM:SS': \"yesterday\". "
                + "Was the row written outside SqliteUsers?", e.getMessage());
    }
}
