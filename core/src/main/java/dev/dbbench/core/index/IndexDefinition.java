package dev.dbbench.core.index;

import java.util.List;
import java.util.Objects;

/**
 * An index as the guide describes them: on one column, on several (order matters), only over the
 * rows where a boolean column is true, or with extra columns carried in the index so a query can be
 * answered from the index alone.
 *
 * <p>Names of indexes, tables and columns end up in DDL, where identifiers cannot be bind
 * parameters. They are meant to come from code (constants such as {@link GuideIndexes}), never
 * from user input; every record checks them against {@code [a-z_][a-z0-9_]*} so a mistake fails
 * here, not as half a statement.
 */
public sealed interface IndexDefinition permits IndexDefinition.Single, IndexDefinition.Composite, IndexDefinition.Partial, IndexDefinition.Covering {

    /** The index's name, unique in the database (SQLite) or schema (PostgreSQL). */
    String name();

    String table();

    /** The key columns, in index order. */
    List<String> columns();

    /** {@code CREATE INDEX idx_users_email ON users (email)}. */
    record Single(String name, String table, String column) implements IndexDefinition {
        public Single {
            identifier("name", name);
            identifier("table", table);
            identifier("column", column);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** {@code CREATE INDEX idx_orders_user_date ON orders (user_id, created_at)}: the leading column first. */
    record Composite(String name, String table, List<String> columns) implements IndexDefinition {
        public Composite {
            identifier("name", name);
            identifier("table", table);
            columns = identifiers("columns", columns);
            if (columns.size() < 2) {
                throw new IllegalArgumentException("composite index " + name + " needs at least 2 columns, was " + columns + ". Use IndexDefinition.Single for one");
            }
        }
    }

    /**
     * {@code CREATE INDEX idx_active_users ON users (email) WHERE is_active}: only rows whose boolean
     * {@code whereColumn} is true are indexed. A query uses it only when its own WHERE clause
     * contains the same condition.
     */
    record Partial(String name, String table, List<String> columns, String whereColumn) implements IndexDefinition {
        public Partial {
            identifier("name", name);
            identifier("table", table);
            columns = identifiers("columns", columns);
            identifier("whereColumn", whereColumn);
        }
    }

    /**
     * {@code CREATE INDEX idx_orders_covering ON orders (user_id, status) INCLUDE (total)}: the
     * included columns are stored in the index's leaves but are not part of the key. PostgreSQL 11+
     * only; SQLite has no INCLUDE clause.
     */
    record Covering(String name, String table, List<String> columns, List<String> include) implements IndexDefinition {
        public Covering {
            identifier("name", name);
            identifier("table", table);
            columns = identifiers("columns", columns);
            include = identifiers("include", include);
        }
    }

    private static void identifier(String what, String value) {
        Names.check("index " + what, value);
    }

    private static List<String> identifiers(String what, List<String> values) {
        Objects.requireNonNull(values, what);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("index " + what + " must name at least one column");
        }
        values.forEach(v -> identifier(what, v));
        return List.copyOf(values);
    }
}
