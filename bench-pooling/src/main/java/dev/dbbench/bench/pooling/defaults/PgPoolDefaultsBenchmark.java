package dev.dbbench.bench.pooling.defaults;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Do dbcp2's defaults cost more than dbcp2 itself on a real PostgreSQL server?
 *
 * Measured: one caller's borrow + SELECT 1 + return per millisecond through the same PoolSetup steps
 * as the stub class, against the run's PostgreSQL server.
 * Excluded: filling the pools.
 * Expected: the opposite of the stub picture. dbcp2's default testOnBorrow calls isValid, which pgjdbc
 * answers with a round trip, so DBCP2_DEFAULTS and DBCP2_CHECKED make two round trips per request
 * where DBCP2 and HIKARI make one, and the pools' own microsecond-scale difference is lost next to a
 * round trip. So with a real server the gap is the defaults, not the pool.
 * Measured (rough, shared 2-core machine under load, 1 fork x 5 x 1 s): HIKARI_DEFAULTS 19.1, HIKARI
 * 18.6, DBCP2 18.7, DBCP2_CHECKED 14.7, DBCP2_DEFAULTS 12.2 calls/ms, errors +-5 to +-27. Configured
 * alike, dbcp2 and HikariCP are level; with its defaults dbcp2 is about 1.5x behind, not 5x, and the
 * difference is the check on every borrow.
 * Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 19 s for its 5 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.2 s holds hundreds to
 * thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@Threads(1)
@State(Scope.Benchmark)
@OnDatabase(Dialect.POSTGRES)
public class PgPoolDefaultsBenchmark extends PoolDefaults {}
