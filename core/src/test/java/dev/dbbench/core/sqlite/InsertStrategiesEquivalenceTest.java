package dev.dbbench.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.SqliteDirectory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The four strategies the insert benchmark times leave identical tables. */
class InsertStrategiesEquivalenceTest {

    /** What a strategy decides: everything but created_at, which depends on the clock. */
    record Row(long id, String email, String name, boolean active) {}

    @Test
    void everyStrategyLeavesTheSameIdsEmailsAndNames() {
        // Duplicates inside the list and against a row already there, so ignored rows are covered.
        List<NewUser> batch = new ArrayList<>(IntStream.range(0, 2_500).mapToObj(i -> new NewUser("user" + i + "@example.com", "User " + i)).toList());
        batch.add(new NewUser("user7@example.com", "duplicate in the list"));
        batch.add(new NewUser("seed@example.com", "duplicate of the seed"));
        batch.addAll(IntStream.range(2_500, 2_600).mapToObj(i -> new NewUser("user" + i + "@example.com", "User " + i)).toList());

        Map<UserInsertStrategy, List<Row>> tables = new EnumMap<>(UserInsertStrategy.class);
        Map<UserInsertStrategy, Integer> counts = new EnumMap<>(UserInsertStrategy.class);
        try (SqliteDirectory dir = SqliteDirectory.create()) {
            for (UserInsertStrategy strategy : UserInsertStrategy.values()) {
                // A file database with the guide's settings, as the benchmark uses.
                try (Database db = Databases.sqlite(dir.file(strategy + ".db"))) {
                    SqliteUsers users = new SqliteUsers(db);
                    users.createSchema();
                    users.insertOrIgnore(new NewUser("seed@example.com", "Seed"));
                    counts.put(strategy, users.insertAll(batch, strategy));
                    tables.put(strategy, users.all().stream().map(u -> new Row(u.id(), u.email(), u.name(), u.active())).toList());
                }
            }
        }
        List<Row> expected = tables.get(UserInsertStrategy.PER_ROW_COMMIT);
        assertEquals(2_601, expected.size());
        // Ignored rows still advance AUTOINCREMENT's sequence (the rowid is drawn before the UNIQUE
        // check), so the two duplicates leave gaps: the last id is 2,603, not 2,601.
        assertEquals(new Row(2_603, "user2599@example.com", "User 2599", true), expected.get(expected.size() - 1));
        for (UserInsertStrategy strategy : UserInsertStrategy.values()) {
            assertEquals(2_600, counts.get(strategy), strategy + " count");
            assertEquals(expected, tables.get(strategy), strategy + " table");
        }
    }

    @Test
    void multiRowValuesChunkSizeDoesNotChangeTheTable() {
        List<NewUser> batch = IntStream.range(0, 1_000).mapToObj(i -> new NewUser("u" + (i % 900) + "@x", "U" + i)).toList();
        List<List<SqliteUser>> tables = new ArrayList<>();
        for (int rows : new int[] {1, 13, 500, SqliteUsers.maxRowsPerStatement()}) {
            try (Database db = Databases.sqliteInMemory()) {
                SqliteUsers users = new SqliteUsers(db);
                users.createSchema();
                assertEquals(900, users.insertMultiRowValues(batch, rows));
                tables.add(users.all().stream().map(u -> new SqliteUser(u.id(), u.email(), u.name(), null, u.active())).toList());
            }
        }
        tables.forEach(t -> assertEquals(tables.get(0), t));
    }
}
