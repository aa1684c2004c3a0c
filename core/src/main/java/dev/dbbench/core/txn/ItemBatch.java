package dev.dbbench.core.txn;

import dev.dbbench.core.Transactions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The guide's batch with partial rollbacks (section 7): items go into {@code items} in one
 * transaction, one INSERT per item, and an item whose name is taken is skipped while every other
 * item stays. {@link DuplicateHandling} names the three ways to skip. Any other failure rolls the
 * whole batch back.
 *
 * <p>All three insert item by item on purpose, so that they differ only in how duplicates are
 * skipped; sending the rows together is the insert benchmark's question.
 */
public final class ItemBatch {
    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS items (
                id SERIAL PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                value INTEGER NOT NULL
            )""";

    static final String INSERT = "INSERT INTO items (name, value) VALUES (?, ?)";
    static final String INSERT_OR_SKIP = INSERT + " ON CONFLICT (name) DO NOTHING";
    static final String TAKEN = "SELECT name FROM items WHERE name = ANY(?)";

    /** 23505 unique_violation: the only failure a batch skips. */
    static final String UNIQUE_VIOLATION = "23505";

    private ItemBatch() {}

    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
        }
    }

    public static void dropSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS items");
        }
    }

    /** Empties {@code items} and restarts its ids. */
    public static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE items RESTART IDENTITY");
        }
    }

    /** Every item in id order. */
    public static List<NewItem> all(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, value FROM items ORDER BY id")) {
            List<NewItem> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new NewItem(rs.getString(1), rs.getInt(2)));
            }
            return items;
        }
    }

    /** Inserts {@code items} in one transaction, skipping taken names the way {@code handling} says. */
    public static BatchOutcome insert(Connection c, List<NewItem> items, DuplicateHandling handling) throws SQLException {
        Objects.requireNonNull(handling, "handling");
        return switch (handling) {
            case SAVEPOINT_PER_ITEM -> Transactions.run(c, tx -> withSavepoints(tx, items));
            case PREFILTER -> Transactions.run(c, tx -> prefiltered(tx, items));
            case ON_CONFLICT_DO_NOTHING -> Transactions.run(c, tx -> onConflictDoNothing(tx, items));
        };
    }

    private static BatchOutcome withSavepoints(Connection c, List<NewItem> items) throws SQLException {
        int processed = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (NewItem item : items) {
                Savepoint before = c.setSavepoint();
                bind(ps, item);
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                    continue;
                }
                // Released so the server does not keep a stack of open savepoints; the
                // subtransaction it started stays part of this transaction.
                c.releaseSavepoint(before);
                processed++;
            }
        }
        return new BatchOutcome(processed, items.size() - processed);
    }

    private static BatchOutcome prefiltered(Connection c, List<NewItem> items) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(TAKEN)) {
            Array names = c.createArrayOf("text", items.stream().map(NewItem::name).toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
            names.free();
        }
        int processed = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (NewItem item : items) {
                // add() is false for a name already in the table or earlier in this batch.
                if (taken.add(item.name())) {
                    bind(ps, item);
                    ps.executeUpdate();
                    processed++;
                }
            }
        }
        return new BatchOutcome(processed, items.size() - processed);
    }

    private static BatchOutcome onConflictDoNothing(Connection c, List<NewItem> items) throws SQLException {
        int processed = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT_OR_SKIP)) {
            for (NewItem item : items) {
                bind(ps, item);
                processed += ps.executeUpdate();
            }
        }
        return new BatchOutcome(processed, items.size() - processed);
    }

    private static void bind(PreparedStatement ps, NewItem item) throws SQLException {
        ps.setString(1, item.name());
        ps.setInt(2, item.value());
    }
}
