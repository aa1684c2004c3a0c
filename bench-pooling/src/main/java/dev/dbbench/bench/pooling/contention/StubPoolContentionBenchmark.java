package dev.dbbench.bench.pooling.contention;

import dev.dbbench.bench.pooling.PoolTarget;
import dev.dbbench.bench.pooling.StubTarget;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * How does each pool's own queue behave when callers outnumber connections?
 *
 * Measured: each call's latency (SampleTime: mean and percentiles) with 4, 16 and 64 threads, and
 * their throughput (the secondary metric "calls": completed calls per iteration), through each pool and no pool, against the stub driver, so only the pools' hand-off
 * is timed: who waits, how a returned connection reaches a waiter. Peak active and waiting come from
 * a 1 ms sampler as secondary metrics.
 * Excluded: any database; filling the pools.
 * Expected: on 2 cores, more threads than cores means most time is the OS scheduling waiters, so
 * throughput falls little with threads while p99 latency grows with the queue (64 threads on 4
 * connections: about 15 waiters each behind the others). HikariCP's hand-off (a SynchronousQueue to a
 * spinning waiter) should show the lowest tail, Tomcat's fair queue the flattest one, dbcp2's
 * lock-based deque the highest. No pool needs no hand-off, only the same size cap, so it is close to
 * the pools here: the stub connects for free.
 * Quick settings: 2 forks x (1 x 200 ms warm-up + 3 x 200 ms), about 68 s for its 12 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.2 s holds hundreds to
 * thousands of them and the time goes to a second fork instead; one warm-up iteration, as 4-64
 * threads make thousands of calls in it: every call path is compiled before the first measured one.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
public class StubPoolContentionBenchmark extends PoolContention {
    @Override
    protected PoolTarget openTarget() {
        return new StubTarget();
    }
}
