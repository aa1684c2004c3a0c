package dev.dbbench.regress.ruler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The regression check's own test subject: CPU work whose amount is set by the jar, not by the
 * command line, so that two jars can differ in exactly one known way. {@code work} is read from the
 * resource {@value #RESOURCE} (100 in a normal build); a copy of the jar with {@code work=110}
 * is a build with an injected 10% slowdown, which {@code compare} must flag, while an unchanged copy
 * must not be flagged. The benchmark list (and so every JMH setting) is the same in both jars.
 *
 * <p>Measured: {@link Blackhole#consumeCPU} with {@code work * 100} tokens. Excluded: reading the
 * resource (once per trial).
 *
 * <p>Expected: time per operation proportional to {@code work}, because consumeCPU is a loop of
 * fixed cost per token; work 110 takes 1.10 times as long as work 100.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WorkBenchmark {
    public static final String RESOURCE = "dev/dbbench/regress/ruler/work.properties";
    static final long TOKENS_PER_WORK = 100;

    private long tokens;

    @Setup(Level.Trial)
    public void readWork() {
        tokens = configuredWork() * TOKENS_PER_WORK;
    }

    @Benchmark
    public void work() {
        // consumeCPU is JMH's sink: it has no result to return.
        Blackhole.consumeCPU(tokens);
    }

    /** The amount of work this jar was built (or rewritten) with. */
    static long configuredWork() {
        Properties p = new Properties();
        try (InputStream in = WorkBenchmark.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar: rebuild it");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
        String value = p.getProperty("work", "");
        try {
            long work = Long.parseLong(value.trim());
            if (work < 1) {
                throw new IllegalStateException(RESOURCE + ": work=" + value + " must be a positive whole number, e.g. work=100");
            }
            return work;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + ": work=\"" + value + "\" is not a whole number; expected e.g. work=100", e);
        }
    }
}
