package dev.dbbench.core.paging;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reading a large result: streamed in chunks with a bounded number of rows in memory, or the naive
 * way, every row into one list.
 *
 * <p>PostgreSQL sends a whole result at once unless the driver reads it through a server-side
 * cursor, which pgjdbc does only when auto-commit is off, the result is forward-only and a fetch
 * size is set; the cursor lives in a transaction, so streaming runs in one of its own (or in the
 * caller's, when the connection is already in one). SQLite hands rows over one at a time anyway;
 * streaming there is forward iteration without keeping what was read.
 */
public final class RowStreams {
    /** pgjdbc's SQLState when the heap runs out while it reads a result. */
    public static final String OUT_OF_MEMORY = "53200";

    private RowStreams() {}

    /**
     * Runs {@code sql} with {@code params} bound (by {@code setObject}, in order) and hands the rows
     * to {@code consumer} in chunks of {@code options.chunkSize()}. At most one chunk plus one fetch
     * of rows is held at a time, whatever the result's size, provided the consumer keeps none.
     * Returns the number of rows read.
     */
    public static <T> long stream(Connection c, Dialect dialect, String sql, List<?> params, StreamOptions options, RowMapper<T> mapper,
            Consumer<? super List<T>> consumer) throws SQLException {
        if (dialect == Dialect.POSTGRES && c.getAutoCommit()) {
            return Transactions.run(c, tx -> read(tx, sql, params, options, mapper, consumer));
        }
        return read(c, sql, params, options, mapper, consumer);
    }

    /** {@link #stream(Connection, Dialect, String, List, StreamOptions, RowMapper, Consumer)} on a new connection of {@code db}. */
    public static <T> long stream(Database db, String sql, List<?> params, StreamOptions options, RowMapper<T> mapper, Consumer<? super List<T>> consumer) {
        try (Connection c = db.open()) {
            return stream(c, db.dialect(), sql, params, options, mapper, consumer);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + db + "] stream " + sql, e);
        }
    }

    /**
     * The naive way: every row of the result into one list (the driver's default, which on
     * PostgreSQL also holds the whole result before the first row is mapped). Memory grows with the
     * result; a result larger than the heap fails with {@link OutOfMemoryError}, or with SQLState
     * 53200 ("Ran out of memory retrieving query results") when pgjdbc runs out while it reads.
     */
    public static <T> List<T> loadAll(Connection c, String sql, List<?> params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** {@link #loadAll(Connection, String, List, RowMapper)} on a new connection of {@code db}. */
    public static <T> List<T> loadAll(Database db, String sql, List<?> params, RowMapper<T> mapper) {
        try (Connection c = db.open()) {
            return loadAll(c, sql, params, mapper);
        } catch (SQLException e) {
            DatabaseException failure = DatabaseException.of("[" + db + "] load all rows of " + sql, e);
            if (!OUT_OF_MEMORY.equals(e.getSQLState())) {
                throw failure;
            }
            throw new DatabaseException(failure.getMessage() + ": the result does not fit in the heap; read it with RowStreams.stream", e.getSQLState(), e);
        }
    }

    private static <T> long read(Connection c, String sql, List<?> params, StreamOptions options, RowMapper<T> mapper, Consumer<? super List<T>> consumer)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(options.fetchSize());
            bind(ps, params);
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                List<T> chunk = new ArrayList<>(options.chunkSize());
                while (rs.next()) {
                    chunk.add(mapper.map(rs));
                    count++;
                    if (chunk.size() == options.chunkSize()) {
                        consumer.accept(Collections.unmodifiableList(chunk));
                        chunk = new ArrayList<>(options.chunkSize());
                    }
                }
                if (!chunk.isEmpty()) {
                    consumer.accept(Collections.unmodifiableList(chunk));
                }
            }
            return count;
        }
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
