package dev.dbbench.bench.postgres.streaming;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.question.paging.UsersTable;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.RowMapper;
import dev.dbbench.core.paging.RowStreams;
import dev.dbbench.core.paging.StreamOptions;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.Scale;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Can I read 1,000,000 rows from PostgreSQL in a JVM with a 64 MB heap: streamed through a cursor,
 * or loaded all at once?
 *
 * <p>Measured: one read of every user (six columns, 100-character bio: some 200 MB as the driver
 * holds them) in a fork started with {@code -Xmx64m}. {@code stream} reads through a cursor fetching
 * 1,000 rows at a time and keeps only a count; {@code loadAll} asks for the whole result into one
 * list. A read that runs out of heap is caught and counted, not let to kill the fork: the heap is
 * free again once the half-built result is dropped, so the next iteration starts clean. Excluded:
 * creating the table and filling it with generate_series (once per run, on the server; copied per trial).
 *
 * <p>What a reader of the results sees: besides the time, two counters per iteration (JMH's
 * secondary results): {@code rowsRead}, the rows a read delivered, and {@code outOfMemory}, the
 * reads that ran out of heap. Expected: {@code stream} reads 1,000,000 rows every time with
 * {@code outOfMemory} 0; {@code loadAll} reads 0 rows with {@code outOfMemory} 1 per iteration,
 * its time being how long it took to fail. Its time is therefore not a speed to compare, and the
 * question's metadata states no claim about it.
 *
 * <p>Quick settings: 2 forks x (1 warm-up + 3 measured shots), about 28 s for its 2 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one; a
 * shot reads 1,000,000 rows (about a second), so one warm-up shot is enough; three measured shots
 * per fork, the report's minimum.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 2, jvmArgsAppend = PgSmallHeapStreamingBenchmark.HEAP)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgSmallHeapStreamingBenchmark {
    static final String HEAP = "-Xmx64m";
    static final int ROWS = 1_000_000;
    static final String QUERY = "SELECT " + GuideUser.COLUMNS + " FROM users ORDER BY id";
    static final RowMapper<GuideUser> USER = rs -> GuideUser.read(rs, Dialect.POSTGRES);

    /** The table's size; a test makes it smaller. */
    int tableRows = ROWS;

    private PgEndpoint endpoint;
    private DatabaseTarget target;
    private Database db;
    private Connection connection;

    /** What each read achieved, reported by JMH next to the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        public long rowsRead;
        public long outOfMemory;

        @Setup(Level.Iteration)
        public void clear() {
            rowsRead = 0;
            outOfMemory = 0;
        }
    }

    @Setup(Level.Trial)
    public void createUsers() throws SQLException {
        // The same fixture as the other streaming and paging questions (built once per run, copied
        // here); the smoke profile scales it down (Scale).
        target = DatabaseTarget.fromFixture(getClass(), UsersTable.fixture(Scale.current().rows(tableRows)));
        endpoint = target.endpoint();
        db = target.database();
        connection = db.open();
    }

    @TearDown(Level.Trial)
    public void removeUsers() throws SQLException {
        try {
            connection.close();
        } finally {
            target.close();
        }
    }

    @Benchmark
    public long stream(Outcome outcome) throws SQLException {
        long rows = RowStreams.stream(connection, Dialect.POSTGRES, QUERY, List.of(), StreamOptions.guide(), USER, chunk -> { });
        outcome.rowsRead += rows;
        return rows;
    }

    @Benchmark
    public long loadAll(Outcome outcome) throws SQLException {
        try {
            long rows = RowStreams.loadAll(connection, QUERY, List.of(), USER).size();
            outcome.rowsRead += rows;
            return rows;
        } catch (OutOfMemoryError e) {
            ranOut(outcome);
            return 0;
        } catch (SQLException e) {
            // pgjdbc turns running out of heap while it reads into this SQLState, with the error as cause.
            if (!RowStreams.OUT_OF_MEMORY.equals(e.getSQLState())) {
                throw e;
            }
            ranOut(outcome);
            return 0;
        }
    }

    /** Counts the failure and replaces the connection, which may have been left in the middle of a result. */
    private void ranOut(Outcome outcome) throws SQLException {
        outcome.outOfMemory++;
        connection.close();
        connection = db.open();
    }
}
