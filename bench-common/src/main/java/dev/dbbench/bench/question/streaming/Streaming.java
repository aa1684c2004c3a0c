package dev.dbbench.bench.question.streaming;

import dev.dbbench.bench.question.paging.UsersTable;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.RowMapper;
import dev.dbbench.core.paging.RowStreams;
import dev.dbbench.core.paging.StreamOptions;
import dev.dbbench.core.provision.Scale;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How should I read 1,000,000 rows: streamed in chunks of 1,000, or all into one list? The body of
 * the question; a subclass per database names it with {@code @OnDatabase}, adds its streaming
 * variants (one on SQLite, one per fetch size on PostgreSQL) through {@link #sumOfIds}, and says
 * what to expect there.
 *
 * <p>Measured: reading every user (six columns, 100-character bio) in id order, each row mapped to
 * a {@link GuideUser}, on one open connection: a streaming variant hands chunks of 1,000 to a
 * consumer that keeps only a running sum of ids; {@code loadAll} builds the list of all 1,000,000
 * users and returns it (so JMH consumes it and it cannot be optimised away). One operation is one
 * row ({@code @OperationsPerInvocation}), so the time and, under {@code -prof gc},
 * {@code gc.alloc.rate.norm} are per row. Excluded: creating and filling the table (once per
 * run, copied per trial, read-only afterwards) and opening the connection.
 */
@State(Scope.Thread)
public abstract class Streaming {
    public static final int ROWS = 1_000_000;
    public static final int CHUNK = 1_000;
    public static final String QUERY = "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id";

    /** The table's size; a test makes it smaller. */
    public int tableRows = ROWS;

    private UsersTable users;
    private Connection connection;
    private RowMapper<GuideUser> user;

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        // The fixture is analysed (statistics for PostgreSQL's planner; SQLite reads in rowid order
        // whatever it knows). The smoke profile scales it down (Scale); @OperationsPerInvocation
        // still counts ROWS, so a smoke figure per row is not one: smoke proves that it runs.
        users = UsersTable.filled(getClass(), Scale.current().rows(tableRows));
        connection = users.connection();
        Dialect dialect = users.dialect();
        user = rs -> GuideUser.read(rs, dialect);
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        users.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public List<GuideUser> loadAll() throws SQLException {
        return RowStreams.loadAll(connection, QUERY, List.of(), user);
    }

    /** A streaming variant's work: every row through {@code options}, keeping only the sum of the ids. */
    protected final long sumOfIds(StreamOptions options) throws SQLException {
        long[] sum = {0};
        RowStreams.stream(connection, users.dialect(), QUERY, List.of(), options, user, chunk -> chunk.forEach(u -> sum[0] += u.id()));
        return sum[0];
    }

    /** Every row as streaming with {@code options} hands it over, for the test that proves all ways equal. */
    public List<GuideUser> streamedRows(StreamOptions options) throws SQLException {
        List<GuideUser> rows = new ArrayList<>();
        RowStreams.stream(connection, users.dialect(), QUERY, List.of(), options, user, rows::addAll);
        return rows;
    }
}
