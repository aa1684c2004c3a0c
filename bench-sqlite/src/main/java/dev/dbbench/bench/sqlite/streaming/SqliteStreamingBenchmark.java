package dev.dbbench.bench.sqlite.streaming;

import dev.dbbench.bench.question.streaming.Streaming;
import dev.dbbench.bench.database.OnDatabase;
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
 * {@link Streaming} on SQLite: how should I read 1,000,000 rows from SQLite, streamed in chunks of
 * 1,000 ({@code stream}, the guide's settings) or all into one list?
 *
 * <p>Expected: about the same bytes allocated per row (every row becomes the same objects either
 * way; the list's own array adds a few bytes per row): sqlite-jdbc steps through rows one at a time
 * whatever the fetch size, so streaming here saves memory held, not work. What differs is what
 * stays reachable, one chunk against the whole table: the collector copies the growing list of
 * live rows again and again, which the gc profiler shows as seconds of {@code gc.time} for
 * {@code loadAll} against milliseconds for {@code stream}, and which can make {@code loadAll}
 * slower per row by as much again as the reading itself.
 *
 * <p>Quick settings: 2 forks x (1 warm-up + 3 measured shots), about 60 s for its 2 combinations
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
@OnDatabase(Dialect.SQLITE)
public class SqliteStreamingBenchmark extends Streaming {
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long stream() throws SQLException {
        return sumOfIds(StreamOptions.guide());
    }
}
