package dev.dbbench.core.index;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Creates and drops {@link IndexDefinition}s. The DDL is built from the definition's names, which
 * are checked identifiers from code (see {@link IndexDefinition}); no value ever goes into it.
 */
public final class Indexes {
    private Indexes() {}

    /**
     * The {@code CREATE INDEX} statement for {@code index} in {@code dialect}.
     *
     * @throws UnsupportedIndexException when the database cannot build it (a covering index on
     *     SQLite), naming the index, the database and what to do instead; never a silent no-op
     */
    public static String createSql(Dialect dialect, IndexDefinition index) {
        String head = "CREATE INDEX " + index.name() + " ON " + index.table() + " (" + String.join(", ", index.columns()) + ")";
        if (index instanceof IndexDefinition.Partial partial) {
            // Both databases accept a bare boolean column as the predicate (SQLite stores it as 0/1).
            return head + " WHERE " + partial.whereColumn();
        }
        if (index instanceof IndexDefinition.Covering covering) {
            if (dialect == Dialect.SQLITE) {
                throw new UnsupportedIndexException("[sqlite] covering index " + index.name() + " on " + index.table() + " cannot be created: SQLite has no INCLUDE clause. "
                        + "Append the included columns to the key instead: IndexDefinition.Composite(\"" + index.name() + "\", \"" + index.table() + "\", "
                        + quoted(concat(covering.columns(), covering.include())) + ")");
            }
            return head + " INCLUDE (" + String.join(", ", covering.include()) + ")";
        }
        return head;
    }

    /** Creates {@code index} on {@code c}; fails if an index of that name exists. */
    public static void create(Connection c, Dialect dialect, IndexDefinition index) {
        String sql = createSql(dialect, index);
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + dialect.name().toLowerCase(Locale.ROOT) + "] create index " + index.name() + " on " + index.table(), e);
        }
    }

    /** Creates every index of {@code indexes}, in order. */
    public static void createAll(Connection c, Dialect dialect, List<? extends IndexDefinition> indexes) {
        indexes.forEach(index -> create(c, dialect, index));
    }

    /** Drops {@code index} if it exists. */
    public static void drop(Connection c, Dialect dialect, IndexDefinition index) {
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX IF EXISTS " + index.name());
        } catch (SQLException e) {
            throw DatabaseException.of("[" + dialect.name().toLowerCase(Locale.ROOT) + "] drop index " + index.name(), e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String quoted(List<String> names) {
        return "List.of(" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + ")";
    }
}
