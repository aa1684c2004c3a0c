package dev.dbbench.bench.postgres.paging;

import dev.dbbench.bench.question.paging.PageDepth;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PageDepth} on PostgreSQL: what does one page of 1,000 rows cost deep into a
 * 1,000,000-row PostgreSQL table, by OFFSET and by key? The table is filled with generate_series and
 * VACUUM ANALYZEd.
 *
 * <p>Expected: keyset flat, the same at every depth (one index descent finds the first row);
 * offset the same as keyset at depth 0 and growing in proportion to {@code depth}, since the server
 * fetches every skipped row before throwing it away: at 900,000 around a hundred times the cost of
 * the keyset page.
 *
 * <p>Quick settings: 2 forks x (2 x 500 ms warm-up + 3 x 500 ms), about 65 s for its 8
 * combinations (102 s with 1 s iterations in the quick run of 2026-12-03; the whole quick plan is
 * in docs/quick-budget.md). Two forks because the report's interval treats the fork as the unit and
 * gives no verdict from one; the slowest operation (OFFSET 900,000: 140 ms in that run) still fits
 * three times into an iteration (the SQLite twin's slowest, 39 ms, runs in 300 ms ones).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgPageDepthBenchmark extends PageDepth {}
