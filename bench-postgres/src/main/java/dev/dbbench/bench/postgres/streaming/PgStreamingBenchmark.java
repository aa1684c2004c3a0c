package dev.dbbench.bench.postgres.streaming;

import dev.dbbench.bench.question.streaming.Streaming;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.bench.postgres.InjectedSlowdown;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.paging.StreamOptions;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Streaming} on PostgreSQL: how should I read 1,000,000 rows from PostgreSQL: through a
 * server-side cursor in chunks, and with what fetch size, or all at once? The table is filled with
 * generate_series. The {@code stream*} variants read through a cursor (auto-commit off for the
 * read, its own transaction) fetching 100, 1,000 or 10,000 rows per round trip; {@code loadAll} is
 * the driver's default, which receives the whole result before the first row is mapped.
 *
 * <p>Expected: fetch size 100 the slowest of the streams (10,000 round trips), 1,000 and 10,000
 * close to each other. Allocation per row about the same for all (every row becomes the same
 * objects), but {@code loadAll} keeps the driver's copy of the whole result and then every mapped
 * row reachable until the end, so the collector copies a growing live set again and again (seconds
 * of {@code gc.time} under the gc profiler): {@code loadAll} the slowest per row despite making
 * a single round trip. The larger gain of streaming is memory held: one fetch plus one chunk
 * against the whole table (see {@code PgSmallHeapStreamingBenchmark} for what that means in a small
 * heap).
 *
 * <p>Quick settings: 2 forks x (1 warm-up + 3 measured shots), about 87 s for its 4 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one; a
 * shot reads the whole table (about a second or two), a loop of 1,000,000 rows that the JIT
 * compiles within the first shot, so one warm-up shot for every variant.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgStreamingBenchmark extends Streaming {
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long streamFetch100() throws SQLException {
        return sumOfIds(new StreamOptions(100, CHUNK));
    }

    // The ci preset's trial target: a trial's head jar may make it slower by a known fraction (InjectedSlowdown:
    // off unless the jar carries its resource, and off it costs one test of a static final field).
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long streamFetch1000() throws SQLException {
        return InjectedSlowdown.around(() -> sumOfIds(new StreamOptions(1_000, CHUNK)));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long streamFetch10000() throws SQLException {
        return sumOfIds(new StreamOptions(10_000, CHUNK));
    }
}
