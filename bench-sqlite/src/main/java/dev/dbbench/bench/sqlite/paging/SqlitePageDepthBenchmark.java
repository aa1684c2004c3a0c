package dev.dbbench.bench.sqlite.paging;

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
 * {@link PageDepth} on SQLite: what does one page of 1,000 rows cost deep into a 1,000,000-row
 * SQLite table, by OFFSET and by key?
 *
 * <p>Expected: keyset flat, the same at every depth (the primary key finds the first row);
 * offset the same as keyset at depth 0 and growing in proportion to {@code depth}, since SQLite
 * steps over every skipped row: at 900,000 one offset page costs about as much as reading the
 * hundreds of pages before it.
 *
 * <p>Quick settings: 2 forks x (2 x 300 ms warm-up + 3 x 300 ms), about 36 s for its 8 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to tens of milliseconds, so an iteration of 0.5 s holds tens to
 * thousands of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.SQLITE)
public class SqlitePageDepthBenchmark extends PageDepth {}
