package dev.dbbench.cli;

import dev.dbbench.results.RunDurations;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The run's progress line ("n of N, elapsed, time left"), shared by every {@link RunMonitor} of a
 * run: one when benchmarks run one at a time, one per benchmark when several run side by side
 * ({@code --parallel}). Thread-safe for that reason. The time left is the {@link Estimate}'s, told
 * here when each combination starts and ends; what each took is the run's {@code durations.json}.
 */
final class Progress {
    private final PrintStream console;
    private final int planned;
    private final Estimate estimate;
    private final LongSupplier nanoClock;
    private long runStartNanos;
    private boolean begun;
    private int started;

    Progress(PrintStream console, Plan plan, LongSupplier nanoClock) {
        this(console, plan, new Estimate(plan, List.of(), "no earlier run", 1), nanoClock);
    }

    /** {@code estimate} predicts {@code plan}'s combinations; this tells it when each starts and ends. */
    Progress(PrintStream console, Plan plan, Estimate estimate, LongSupplier nanoClock) {
        this.console = console;
        this.planned = plan.size();
        this.estimate = estimate;
        this.nanoClock = nanoClock;
        this.runStartNanos = nanoClock.getAsLong();
    }

    /** The clock starts when the first JMH run starts, not when the server was provisioned. */
    synchronized void begin() {
        if (!begun) {
            begun = true;
            runStartNanos = nanoClock.getAsLong();
        }
    }

    /** Counts a combination as started and prints the progress line for it. */
    synchronized void started(BenchmarkParams params) {
        started++;
        double elapsed = elapsed();
        estimate.started(key(params), elapsed);
        double left = estimate.left(elapsed);
        console.println(String.format(Locale.ROOT, "[dbbench] %d of %d: %s | elapsed %s | left ~%s", started, Math.max(planned, started),
                label(params), clock(elapsed), clock(left)));
        console.flush();
    }

    /**
     * Counts a combination as done, with a result ({@code measured}) or failed: its time is spent
     * either way, but only a result's time teaches the estimate about the others.
     */
    synchronized void done(BenchmarkParams params, boolean measured) {
        estimate.finished(key(params), elapsed(), measured);
    }

    /** Each finished combination's wall time so far, for the run's {@code durations.json}. */
    synchronized List<RunDurations.Entry> durations() {
        return estimate.durations();
    }

    private double elapsed() {
        return (nanoClock.getAsLong() - runStartNanos) / 1e9;
    }

    private static String key(BenchmarkParams params) {
        return Plan.Item.key(params);
    }

    synchronized int started() {
        return started;
    }

    /** A line of the run's own (not JMH's) output, never split by another lane's line. */
    void println(String line) {
        synchronized (console) {
            console.println(line);
            console.flush();
        }
    }

    static String label(BenchmarkParams params) {
        Map<String, String> p = Plan.Item.params(params);
        StringBuilder sb = new StringBuilder(params.getBenchmark()).append(" [").append(params.getMode().shortLabel());
        p.forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
        return sb.append(']').toString();
    }

    static String clock(double seconds) {
        java.time.Duration d = java.time.Duration.ofSeconds(Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
