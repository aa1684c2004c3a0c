package dev.dbbench.bench.postgres.streaming;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.RowMapper;
import dev.dbbench.core.paging.RowStreams;
import dev.dbbench.core.paging.StreamOptions;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
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
 * How should I read 1,000,000 rows from PostgreSQL: through a server-side cursor in chunks, and
 * with what fetch size, or all at once?
 *
 * <p>Measured: reading every user (six columns, 100-character bio) in id order, each row mapped to
 * a {@link GuideUser}, on one open connection. The {@code stream*} variants read through a cursor
 * (auto-commit off for the read, its own transaction) fetching 100, 1,000 or 10,000 rows per round
 * trip, and hand chunks of 1,000 to a consumer that keeps only a running sum of ids;
 * {@code loadAll} is the driver's default, which receives the whole result before the first row is
 * mapped, and returns the list of all 1,000,000 users (so JMH consumes it). One operation is one row
 * ({@code @OperationsPerInvocation}), so the time and, under {@code -prof gc},
 * {@code gc.alloc.rate.norm} are per row. Excluded: creating the table and filling it with
 * generate_series (once per trial; read-only afterwards) and opening the connection.
 *
 * <p>Expected: fetch size 100 the slowest of the streams (10,000 round trips), 1,000 and 10,000
 * close to each other. Allocation per row about the same for all (every row becomes the same
 * objects), but {@code loadAll} keeps the driver's copy of the whole result and then every mapped
 * row reachable until the end, so the collector copies a growing live set again and again (seconds
 * of {@code gc.time} under the gc profiler): {@code loadAll} the slowest per row despite making
 * a single round trip. The larger gain of streaming is memory held: one fetch plus one chunk
 * against the whole table (see {@code PgSmallHeapStreamingBenchmark} for what that means in a small
 * heap).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Thread)
public class PgStreamingBenchmark {
    static final int ROWS = 1_000_000;
    static final int CHUNK = 1_000;
    static final String QUERY = "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id";
    static final RowMapper<GuideUser> USER = rs -> GuideUser.read(rs, Dialect.POSTGRES);

    /** The table's size; a test makes it smaller. */
    int tableRows = ROWS;

    private PgEndpoint endpoint;
    private Database db;
    private Connection connection;

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        endpoint = SharedPostgres.get().createDatabase("PgStreamingBenchmark");
        db = Databases.postgres(endpoint);
        db.useTransaction(c -> {
            GuideTables.create(c, Dialect.POSTGRES);
            GuideTables.insertUsers(c, Dialect.POSTGRES, 1, tableRows);
        });
        connection = db.open();
        GuideTables.analyze(connection, Dialect.POSTGRES);
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        try {
            connection.close();
        } finally {
            db.close();
            SharedPostgres.get().drop(endpoint);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long streamFetch100() throws SQLException {
        return stream(100);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long streamFetch1000() throws SQLException {
        return stream(1_000);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long streamFetch10000() throws SQLException {
        return stream(10_000);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public List<GuideUser> loadAll() throws SQLException {
        return RowStreams.loadAll(connection, QUERY, List.of(), USER);
    }

    private long stream(int fetchSize) throws SQLException {
        long[] sum = {0};
        RowStreams.stream(connection, Dialect.POSTGRES, QUERY, List.of(), new StreamOptions(fetchSize, CHUNK), USER, chunk -> chunk.forEach(u -> sum[0] += u.id()));
        return sum[0];
    }

    /** Every row as streaming with {@code fetchSize} hands it over, for the test that proves all ways equal. */
    List<GuideUser> streamedRows(int fetchSize) throws SQLException {
        List<GuideUser> rows = new ArrayList<>();
        RowStreams.stream(connection, Dialect.POSTGRES, QUERY, List.of(), new StreamOptions(fetchSize, CHUNK), USER, rows::addAll);
        return rows;
    }
}
