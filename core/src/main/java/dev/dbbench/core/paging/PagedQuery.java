package dev.dbbench.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to page through: columns of one table in the order of a unique, indexed key (the primary
 * key), optionally only the rows where a boolean column is true (the guide's {@code is_active}).
 *
 * <p>Table and column names go into the SQL text, where identifiers cannot be bind parameters; they
 * come from code, never from input, and are checked against {@code [a-z_][a-z0-9_]*}.
 *
 * @param table        the table
 * @param keyColumn    a unique integer column in {@code columns}; pages are in its order
 * @param columns      the select list, as the row mapper expects it
 * @param filterColumn a boolean column rows must have true, or null for every row
 */
public record PagedQuery(String table, String keyColumn, List<String> columns, String filterColumn) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public PagedQuery {
        identifier("table", table);
        identifier("keyColumn", keyColumn);
        Objects.requireNonNull(columns, "columns");
        columns.forEach(column -> identifier("columns", column));
        columns = List.copyOf(columns);
        if (!columns.contains(keyColumn)) {
            throw new IllegalArgumentException("columns " + columns + " must include the key column " + keyColumn + ": the next page starts after the last key read");
        }
        if (filterColumn != null) {
            identifier("filterColumn", filterColumn);
        }
    }

    /** Every row of {@code table}, in {@code keyColumn} order. */
    public static PagedQuery of(String table, String keyColumn, List<String> columns) {
        return new PagedQuery(table, keyColumn, columns, null);
    }

    /** The same query, only the rows whose boolean {@code column} is true. */
    public PagedQuery onlyWhere(String column) {
        return new PagedQuery(table, keyColumn, columns, column);
    }

    /** {@code SELECT .. ORDER BY key LIMIT ? OFFSET ?}: the database reads and discards every row before the offset. */
    String offsetSql() {
        return "SELECT " + String.join(", ", columns) + " FROM " + table + (filterColumn == null ? "" : " WHERE " + filterColumn)
                + " ORDER BY " + keyColumn + " LIMIT ? OFFSET ?";
    }

    /** {@code SELECT .. WHERE key > ? ORDER BY key LIMIT ?}: the key's index starts the read at the right row. */
    String keysetSql() {
        return "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE " + keyColumn + " > ?" + (filterColumn == null ? "" : " AND " + filterColumn)
                + " ORDER BY " + keyColumn + " LIMIT ?";
    }

    private static void identifier(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("paged query " + what + " must match " + IDENTIFIER.pattern() + " (names come from code, not input), was \"" + value + "\"");
        }
    }
}
