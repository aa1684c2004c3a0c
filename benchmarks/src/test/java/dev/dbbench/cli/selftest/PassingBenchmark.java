package dev.dbbench.cli.selftest;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Test-only (never in the jar): one combination that works and one whose set-up throws, so the
 * launcher's failure isolation can be seen to record the second and keep the first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
public class PassingBenchmark {
    @Param({"1", "2"})
    public int n;

    private long x;

    @Setup
    public void setUp() {
        if (n == 2) {
            throw new IllegalStateException("deliberate failure for n=2");
        }
        x = n;
    }

    @Benchmark
    public long step() {
        return x = x * 6364136223846793005L + 1442695040888963407L;
    }
}
