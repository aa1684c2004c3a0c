package dev.dbbench.bench.pooling.contention;

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

/*
 * What do callers see when they outnumber a PostgreSQL pool's connections, and is connecting per
 * request still worse under load?
 *
 * Measured: each call's latency (SampleTime: mean and percentiles) with 4, 16 and 64 threads, and
 * their throughput (secondary metric "calls": completed calls per iteration), through each pool and no pool (which
 * keeps the same cap of `size` connections open at once and connects per call); peak active and
 * waiting from a 1 ms sampler.
 * Excluded: filling the pools; emptying the users table per iteration.
 * Expected: the server's work per call is the same in every pool, so throughput levels off at what
 * `size` connections (and 2 shared cores) can serve, and latency grows with the queue: about
 * threads / size round trips. The pools should be close to one another in throughput; their tails
 * differ with their queues (Tomcat's fair queue the flattest). No pool stays far behind at every
 * thread count, because each call still pays a server process start.
 * Quick settings: 2 forks x (1 x 200 ms warm-up + 3 x 200 ms), about 90 s for its 12 combinations
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
@OnDatabase(Dialect.POSTGRES)
public class PgPoolContentionBenchmark extends PoolContention {}
