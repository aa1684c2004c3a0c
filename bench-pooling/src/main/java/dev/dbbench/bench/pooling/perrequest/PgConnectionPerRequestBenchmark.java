package dev.dbbench.bench.pooling.perrequest;

import dev.dbbench.bench.pooling.Operation;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Does pooling beat a connection per request on PostgreSQL "dramatically", and does the pool matter?
 *
 * Measured: one caller's requests per millisecond, each request being BORROW (borrow and return),
 * SELECT_1 (plus one round trip) or TRANSACTION (the guide's block: insert a user, read it back,
 * commit), through HikariCP, dbcp2 and Tomcat JDBC built from the one PoolingSettings, and through
 * no pool, where every request opens and closes a real connection (TCP, startup, authentication, a
 * new server process) to the run's PostgreSQL server.
 * Excluded: filling the pools (done in trial setup, so a pool's own first connections are not
 * counted, while the no-pool variant pays its connect on every request: that is the comparison);
 * emptying the users table (per iteration).
 * Expected: NONE one to two orders of magnitude below every pool for BORROW and SELECT_1, because a
 * PostgreSQL connect costs milliseconds (a process is forked per connection) against tens of
 * microseconds for a local round trip; the gap narrows for TRANSACTION, which adds a commit (a WAL
 * flush). The three pools should be within a few percent of one another: one round trip dwarfs any
 * pool's bookkeeping (the stub-driver variant of this class shows that bookkeeping alone).
 * Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 56 s for its 15 combinations
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
public class PgConnectionPerRequestBenchmark extends ConnectionPerRequest {
    @Param({"BORROW", "SELECT_1", "TRANSACTION"})
    public Operation op;

    @Override
    protected Operation operation() {
        return op;
    }
}
