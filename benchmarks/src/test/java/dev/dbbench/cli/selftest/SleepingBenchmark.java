package dev.dbbench.cli.selftest;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Test-only (never in the jar): one shot that lasts a minute, so a run can be interrupted while a
 * fork is busy, after the benchmarks before it finished; and a second that must then never start.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class SleepingBenchmark {
    @Benchmark
    public long sleep() throws InterruptedException {
        Thread.sleep(TimeUnit.MINUTES.toMillis(1));
        return System.nanoTime();
    }

    @Benchmark
    public long sleepAgain() throws InterruptedException {
        return sleep();
    }
}
