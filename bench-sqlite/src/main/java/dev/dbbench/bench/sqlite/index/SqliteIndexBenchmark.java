package dev.dbbench.bench.sqlite.index;

import dev.dbbench.bench.question.index.IndexLookup;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link IndexLookup} on SQLite: how much do the guide's indexes speed up the queries they are for,
 * on SQLite? The guide's fourth, the covering index, needs PostgreSQL's INCLUDE (see
 * {@code PgIndexBenchmark}).
 *
 * <p>Expected: without an index every query reads the whole table (a million rows), tens to a
 * hundred milliseconds; with it a B-tree search of microseconds, most of it mapping the result:
 * hundreds to thousands of times faster. The partial index answers active lookups as fast as a
 * full email index would, from a fifth of the size.
 *
 * <p>Quick settings: 2 forks x (2 x 300 ms warm-up + 3 x 300 ms), about 36 s for its 6 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to tens of milliseconds, so an iteration of 0.3 s holds a few to
 * thousands of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@OnDatabase(Dialect.SQLITE)
public class SqliteIndexBenchmark extends IndexLookup {}
