package dev.dbbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The run's progress line ("n of N, elapsed, time left"), shared by every {@link RunMonitor} of a
 * run: one when benchmarks run one at a time, one per benchmark when several run side by side
 * ({@code --parallel}). Thread-safe for that reason.
 */
final class Progress {
    private final PrintStream console;
    private final int planned;
    private final double totalNominal;
    private final LongSupplier nanoClock;
    private long runStartNanos;
    private boolean begun;
    private double doneNominal;
    private int started;

    Progress(PrintStream console, Plan plan, LongSupplier nanoClock) {
        this.console = console;
        this.planned = plan.size();
        this.totalNominal = plan.nominalSeconds();
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
        double elapsed = (nanoClock.getAsLong() - runStartNanos) / 1e9;
        double remaining = Math.max(0, totalNominal - doneNominal);
        // Scale the plan's nominal time by how long the finished part really took (fork start-up,
        // set-up and slow invocations all count); before anything finished, the nominal time is all we have.
        double left = doneNominal > 0 ? remaining * elapsed / doneNominal : remaining;
        console.println(String.format(Locale.ROOT, "[dbbench] %d of %d: %s | elapsed %s | left ~%s", started, Math.max(planned, started),
                label(params), clock(elapsed), clock(left)));
        console.flush();
    }

    /** Counts a combination's nominal time as done, whether it produced a result or failed. */
    synchronized void done(double nominalSeconds) {
        doneNominal += nominalSeconds;
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
        Map<String, String> p = RunMonitor.paramsOf(params);
        StringBuilder sb = new StringBuilder(params.getBenchmark()).append(" [").append(params.getMode().shortLabel());
        p.forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
        return sb.append(']').toString();
    }

    static String clock(double seconds) {
        java.time.Duration d = java.time.Duration.ofSeconds(Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
