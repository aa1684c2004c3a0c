package dev.dbbench.bench.sqlite.streaming;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.RowMapper;
import dev.dbbench.core.paging.RowStreams;
import dev.dbbench.core.paging.StreamOptions;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How should I read 1,000,000 rows from SQLite: streamed in chunks of 1,000, or all into one list?
 *
 * <p>Measured: reading every user (six columns, 100-character bio) in id order, each row mapped to
 * a {@link GuideUser}, on one open connection: {@code stream} hands chunks of 1,000 to a consumer
 * that keeps only a running sum of ids; {@code loadAll} builds the list of all 1,000,000 users and
 * returns it (so JMH consumes it and it cannot be optimised away). One operation is one row
 * ({@code @OperationsPerInvocation}), so the time and, under {@code -prof gc},
 * {@code gc.alloc.rate.norm} are per row. Excluded: creating and filling the table (once per
 * trial, read-only afterwards) and opening the connection.
 *
 * <p>Expected: about the same bytes allocated per row (every row becomes the same objects either
 * way; the list's own array adds a few bytes per row): sqlite-jdbc steps through rows one at a time
 * whatever the fetch size, so streaming here saves memory held, not work. What differs is what
 * stays reachable, one chunk against the whole table: the collector copies the growing list of
 * live rows again and again, which the gc profiler shows as seconds of {@code gc.time} for
 * {@code loadAll} against milliseconds for {@code stream}, and which can make {@code loadAll}
 * slower per row by as much again as the reading itself.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Thread)
public class SqliteStreamingBenchmark {
    static final int ROWS = 1_000_000;
    static final String QUERY = "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id";
    static final RowMapper<GuideUser> USER = rs -> GuideUser.read(rs, Dialect.SQLITE);

    /** The table's size; a test makes it smaller. */
    int tableRows = ROWS;

    private SqliteDirectory dir;
    private Database db;
    private Connection connection;

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("streaming.db"));
        db.useTransaction(c -> {
            GuideTables.create(c, Dialect.SQLITE);
            GuideTables.insertUsers(c, Dialect.SQLITE, 1, tableRows);
        });
        connection = db.open();
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        try {
            connection.close();
        } finally {
            db.close();
            dir.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long stream() throws SQLException {
        long[] sum = {0};
        RowStreams.stream(connection, Dialect.SQLITE, QUERY, List.of(), StreamOptions.guide(), USER, chunk -> chunk.forEach(u -> sum[0] += u.id()));
        return sum[0];
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public List<GuideUser> loadAll() throws SQLException {
        return RowStreams.loadAll(connection, QUERY, List.of(), USER);
    }

    /** Every row as {@link #stream()} hands it over, for the test that proves both ways equal. */
    List<GuideUser> streamedRows() throws SQLException {
        List<GuideUser> rows = new ArrayList<>();
        RowStreams.stream(connection, Dialect.SQLITE, QUERY, List.of(), StreamOptions.guide(), USER, rows::addAll);
        return rows;
    }
}
