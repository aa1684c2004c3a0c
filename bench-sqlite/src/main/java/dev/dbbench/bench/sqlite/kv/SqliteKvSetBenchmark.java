package dev.dbbench.bench.sqlite.kv;

import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a set in the guide's SQLite key-value store cost, for small and large JSON values?
 *
 * <p>Measured: {@code set} writes the JSON of the next version of the value under the same key as
 * an upsert and commits it (auto-commit, the guide's {@code self.conn.commit()}), in the store of
 * {@link SqliteKv}.
 *
 * <p>Expected: for a 100-character value the commit's fsync of the WAL dominates (about a hundred
 * microseconds here, synchronous=FULL); for a 1,000,000-character value it grows with the WAL
 * write of every overflow page, into the milliseconds.
 *
 * <p>Quick settings: 2 forks x (2 x 300 ms warm-up + 3 x 300 ms), about 9 s for both sizes
 * (planned from the settings; get and set together took 31 s with 500 ms iterations, measured
 * 2026-12-03 on the shared 2-core machine). Two forks because the report's interval treats the
 * fork as the unit; thousands of commits per iteration, so the fsync cost is well sampled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.SQLITE)
public class SqliteKvSetBenchmark extends SqliteKv {

    @Benchmark
    public void set() {
        write();
    }
}
