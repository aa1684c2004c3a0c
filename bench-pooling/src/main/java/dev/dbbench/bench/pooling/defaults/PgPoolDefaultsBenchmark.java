package dev.dbbench.bench.pooling.defaults;

import dev.dbbench.bench.pooling.PoolTarget;
import dev.dbbench.bench.pooling.PostgresTarget;
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
 * and run at about half the rate of DBCP2 and HIKARI, which make one; between DBCP2 and HIKARI the
 * pools' own microsecond-scale difference is lost next to the round trip. So with real servers the
 * gap is the defaults, not the pool.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class PgPoolDefaultsBenchmark extends PoolDefaults {
    @Override
    protected PoolTarget openTarget() {
        return new PostgresTarget("PgPoolDefaults");
    }
}
