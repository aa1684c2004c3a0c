package dev.dbbench.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The guide's savepoint batch and its two alternatives keep exactly the same rows. */
class ItemBatchTest {
    static PgEndpoint endpoint;
    static Database db;

    @BeforeAll
    static void createDatabase() {
        endpoint = SharedPostgres.get().createDatabase("ItemBatchTest");
        db = Databases.postgres(endpoint);
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(endpoint);
    }

    @BeforeEach
    void createTable() {
        db.useConnection(ItemBatch::createSchema);
    }

    @AfterEach
    void dropTable() {
        db.useConnection(ItemBatch::dropSchema);
    }

    /** 50 items already in the table: every 19th name of the batch. */
    static List<NewItem> seed() {
        List<NewItem> seed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            seed.add(new NewItem("item " + i * 19, -i));
        }
        return seed;
    }

    /**
     * 1,000 items, 10% duplicates: 50 repeat a seeded name, 50 repeat (with another value) a
     * name that came earlier in the batch.
     */
    static List<NewItem> batch() {
        List<NewItem> batch = new ArrayList<>();
        for (int k = 0; k < 950; k++) {
            batch.add(new NewItem("item " + k, k));
            if (k % 19 == 10) {
                batch.add(new NewItem("item " + k, 10_000 + k));
            }
        }
        return batch;
    }

    @Test
    void everyHandlingKeepsExactlyTheItemsThatAreNotDuplicates() {
        Map<DuplicateHandling, List<NewItem>> tables = new EnumMap<>(DuplicateHandling.class);
        List<NewItem> batch = batch();
        for (DuplicateHandling handling : DuplicateHandling.values()) {
            db.useConnection(ItemBatch::truncate);
            db.useConnection(c -> ItemBatch.insert(c, seed(), DuplicateHandling.ON_CONFLICT_DO_NOTHING));
            BatchOutcome outcome = db.withConnection(c -> ItemBatch.insert(c, batch, handling));
            assertEquals(new BatchOutcome(900, 100), outcome, handling.toString());
            tables.put(handling, db.withConnection(ItemBatch::all));
        }
        List<NewItem> expected = new ArrayList<>(seed());
        List<String> names = new ArrayList<>(expected.stream().map(NewItem::name).toList());
        for (NewItem item : batch) {
            if (!names.contains(item.name())) {
                names.add(item.name());
                expected.add(item);
            }
        }
        assertEquals(1_000, batch.size());
        assertEquals(950, expected.size());
        for (DuplicateHandling handling : DuplicateHandling.values()) {
            assertEquals(expected, tables.get(handling), handling.toString());
        }
    }

    @Test
    void withoutASavepointTheFirstDuplicateAbortsTheWholeTransaction() throws SQLException {
        db.useConnection(c -> ItemBatch.insert(c, List.of(new NewItem("taken", 1)), DuplicateHandling.ON_CONFLICT_DO_NOTHING));
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(ItemBatch.INSERT)) {
                ps.setString(1, "taken");
                ps.setInt(2, 2);
                SQLException duplicate = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("23505", duplicate.getSQLState());
                ps.setString(1, "fresh");
                SQLException aborted = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("25P02", aborted.getSQLState());
                assertTrue(aborted.getMessage().contains("current transaction is aborted"), aborted.getMessage());
            }
            c.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(DuplicateHandling.class)
    void anyOtherFailureRollsBackTheWholeBatch(DuplicateHandling handling) {
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE items ADD CONSTRAINT value_not_negative CHECK (value >= 0)");
            }
        });
        List<NewItem> items = List.of(new NewItem("a", 1), new NewItem("a", 2), new NewItem("b", -1), new NewItem("c", 3));
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.withConnection(c -> ItemBatch.insert(c, items, handling)));
        assertEquals("23514", e.sqlState());
        assertTrue(e.getMessage().contains("value_not_negative"), e.getMessage());
        assertEquals(List.of(), db.withConnection(ItemBatch::all));
    }
}
