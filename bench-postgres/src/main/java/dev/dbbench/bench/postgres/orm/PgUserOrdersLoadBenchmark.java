package dev.dbbench.bench.postgres.orm;

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
 * {@link UserOrdersLoad} on PostgreSQL: how should I load users with their orders from PostgreSQL?
 * One open pgjdbc connection to the suite's provisioned server; the tables are analysed once filled.
 *
 * <p>Expected: {@code nPlusOne} far slower, by an order of magnitude or more: each of its 1,001
 * statements is a round trip to the server (parse/bind/execute/sync), which dwarfs the microseconds
 * the query itself takes.
 *
 * <p>Quick settings: 2 forks x (2 x 500 ms warm-up + 3 x 500 ms), about 23 s for its 3
 * combinations (35 s with 1 s iterations in the quick run of 2026-12-03; the whole quick plan is in
 * docs/quick-budget.md). Two forks because the report's interval treats the fork as the unit and
 * gives no verdict from one; the slowest operation (N+1: 87 ms in that run) fits five times into an
 * iteration (the SQLite twin has the same settings).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgUserOrdersLoadBenchmark extends UserOrdersLoad {
}
