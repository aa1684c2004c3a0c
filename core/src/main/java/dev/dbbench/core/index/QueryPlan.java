package dev.dbbench.core.index;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The plan a database chose for a query, as the lines it prints: {@code EXPLAIN} on PostgreSQL,
 * {@code EXPLAIN QUERY PLAN} on SQLite. Used to prove that a query uses an index rather than to
 * time it.
 *
 * @param dialect the database that planned it
 * @param lines   the plan, one node per line (PostgreSQL's indentation kept)
 */
public record QueryPlan(Dialect dialect, List<String> lines) {

    public QueryPlan {
        Objects.requireNonNull(dialect, "dialect");
        lines = List.copyOf(lines);
    }

    /**
     * Asks the database how it would run {@code sql} with {@code params} bound (by
     * {@code setObject}, in order). The query is planned, not run.
     */
    public static QueryPlan explain(Connection c, Dialect dialect, String sql, Object... params) {
        String prefix = dialect == Dialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        try (PreparedStatement ps = c.prepareStatement(prefix + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                // SQLite answers (id, parent, notused, detail); PostgreSQL one text column.
                int column = dialect == Dialect.SQLITE ? 4 : 1;
                while (rs.next()) {
                    lines.add(rs.getString(column));
                }
            }
            return new QueryPlan(dialect, lines);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + dialect.name().toLowerCase(Locale.ROOT) + "] explain " + sql, e);
        }
    }

    /**
     * Whether some node reads {@code index}: PostgreSQL's "Index Scan using", "Index Only Scan using"
     * or "Bitmap Index Scan on"; SQLite's "USING INDEX" or "USING COVERING INDEX".
     */
    public boolean usesIndex(String index) {
        return lines.stream().anyMatch(line -> dialect == Dialect.SQLITE
                ? line.contains("INDEX " + index + " ") || line.endsWith("INDEX " + index)
                : line.contains(" using " + index + " ") || line.contains("Bitmap Index Scan on " + index));
    }

    /**
     * Whether {@code index} answers the query without visiting the table: PostgreSQL's
     * "Index Only Scan using", SQLite's "USING COVERING INDEX".
     */
    public boolean indexOnly(String index) {
        return lines.stream().anyMatch(line -> dialect == Dialect.SQLITE
                ? line.contains("USING COVERING INDEX " + index)
                : line.contains("Index Only Scan using " + index + " "));
    }

    /** Whether some node reads the whole of {@code table}: "Seq Scan on" or SQLite's "SCAN". */
    public boolean scansTable(String table) {
        return lines.stream().anyMatch(line -> dialect == Dialect.SQLITE
                ? line.equals("SCAN " + table) || line.startsWith("SCAN " + table + " ")
                : line.contains("Seq Scan on " + table + " ") || line.endsWith("Seq Scan on " + table));
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
