package dev.dbbench.bench.sqlite.orm;

import dev.dbbench.bench.question.orm.UserOrdersLoad;
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
 * {@link UserOrdersLoad} on SQLite: how should I load users with their orders from SQLite? One
 * open connection of a SQLite file in WAL mode with the guide's settings.
 *
 * <p>Expected: {@code nPlusOne} slowest, since it prepares and runs 1,001 statements; but SQLite
 * runs in-process, so a statement costs microseconds rather than a network round trip and the gap
 * is far smaller than on PostgreSQL (a few times, not orders of magnitude).
 *
 * <p>Quick settings: 2 forks x (2 x 500 ms warm-up + 3 x 500 ms), about 20 s for its 3 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to tens of milliseconds, so an iteration of 0.5 s holds tens to
 * thousands of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.SQLITE)
public class SqliteUserOrdersLoadBenchmark extends UserOrdersLoad {}
