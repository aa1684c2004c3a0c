package dev.dbbench.bench.pooling.perrequest;

import dev.dbbench.bench.pooling.Operation;
import dev.dbbench.bench.pooling.PoolTarget;
import dev.dbbench.bench.pooling.StubTarget;
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
 * What does each pool itself cost per request, when the driver costs nothing?
 *
 * Measured: one caller's requests per microsecond (BORROW and SELECT_1) through each pool
 * and through no pool, against the stub driver, whose connect, statements and commit only count
 * calls. What is left is each pool's own bookkeeping: its queue, its connection proxy, the state it
 * resets on return.
 * Excluded: any database; filling the pools.
 * Expected: here NONE is not the slowest by much and may be the fastest, since a stub connect is an
 * allocation; that is the point: the guide's "dramatically" comes from what a real connect costs,
 * not from pools being fast. Among the pools HikariCP should lead (a thread-local fast path and
 * generated proxies) with dbcp2 and Tomcat (reflection proxies, locks) behind, all in the range of
 * tenths of a microsecond, i.e. invisible next to one PostgreSQL round trip.
 * Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 28 s for its 10 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.2 s holds hundreds to
 * thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@Threads(1)
@State(Scope.Benchmark)
public class StubConnectionPerRequestBenchmark extends ConnectionPerRequest {
    /** TRANSACTION only adds stub statements here; add it with -p op=BORROW,SELECT_1,TRANSACTION. */
    @Param({"BORROW", "SELECT_1"})
    public Operation op;

    @Override
    protected Operation operation() {
        return op;
    }

    @Override
    protected PoolTarget openTarget() {
        return new StubTarget();
    }
}
