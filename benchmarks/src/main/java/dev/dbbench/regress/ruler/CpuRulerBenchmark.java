package dev.dbbench.regress.ruler;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A ruler for {@code compare}: a fixed amount of CPU work that no change to this repository's
 * database code can make faster or slower. It runs in every base and every head fork; when its
 * time moves between the two builds, the machine (frequency scaling, a noisy neighbour that hit one
 * build more than the other) moved, and a slowdown seen next to it cannot be blamed on the change.
 *
 * <p>Measured: {@link Blackhole#consumeCPU} with a fixed token count, JMH's own calibrated busy loop
 * (chosen because the JIT cannot fold it away). Excluded: nothing else happens.
 *
 * <p>Expected: the same time per operation (a few microseconds) in base and head forks, within the
 * fork-to-fork noise of the machine; a ratio away from 1 means the machine, not the code, changed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CpuRulerBenchmark {
    /** About 10 µs on a current core: long enough that timer overhead is negligible. */
    static final long TOKENS = 5_000;

    @Benchmark
    public void loop() {
        // consumeCPU is JMH's sink: it has no result to return.
        Blackhole.consumeCPU(TOKENS);
    }
}
