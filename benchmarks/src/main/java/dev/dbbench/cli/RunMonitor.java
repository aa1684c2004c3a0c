package dev.dbbench.cli;

import dev.dbbench.core.FirstLine;
import dev.dbbench.results.Failure;
import dev.dbbench.core.provision.Secrets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Sits between JMH's Runner and its usual text output: prints progress (n of N, elapsed, time
 * left) and notices the combinations that fail.
 *
 * <p>JMH by default carries on after a benchmark error but drops the combination silently: it
 * calls {@link #startBenchmark} and never {@link #endBenchmark}. The error itself reaches the
 * output as text: the fork's {@code <failure>} block with the stack trace, or
 * {@code <forked VM failed with exit code N>} with the dead fork's last output. So a combination
 * that starts and does not end with a result is recorded as a {@link Failure} carrying the first
 * lines after that marker.
 */
final class RunMonitor implements OutputFormat {
    static final int ERROR_LINES = 12;
    private static final int TAIL_LINES = 12;
    private static final List<String> ERROR_MARKERS = List.of("<failure>", "<forked VM failed", "<binary link had failed", "<failed to invoke the VM",
            "<host VM has been interrupted");

    private final OutputFormat jmh;
    private final Progress progress;
    private final Secrets secrets;
    private final Map<String, Plan.Item> planned = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, RunResult> finished = new LinkedHashMap<>();

    private int started;
    private boolean refused;
    private BenchmarkParams current;
    private final Deque<String> tail = new ArrayDeque<>();
    private List<String> errorLines;
    private final StringBuilder partialLine = new StringBuilder();

    RunMonitor(OutputFormat jmh, PrintStream console, Plan plan, Secrets secrets, LongSupplier nanoClock) {
        this(jmh, plan, secrets, new Progress(console, plan, nanoClock));
    }

    /**
     * Watches the JMH run of {@code plan} (the whole run's plan, or one benchmark's part of it when
     * several run side by side) and reports to a progress line shared with the other monitors.
     */
    RunMonitor(OutputFormat jmh, Plan plan, Secrets secrets, Progress progress) {
        this.jmh = jmh;
        this.secrets = secrets;
        this.progress = progress;
        for (Plan.Item item : plan.items()) {
            planned.put(item.key(), item);
        }
    }

    /** Failures seen so far, in order. */
    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Combinations that started (for "did anything run at all?"). */
    int started() {
        return started;
    }

    /**
     * The results as reported one by one. Used only when JMH's Runner stops early (fail on error,
     * interrupted) and returns nothing: each is the combination's aggregate, its forks' iterations
     * merged into one.
     */
    Collection<RunResult> resultsSoFar() {
        return List.copyOf(finished.values());
    }

    /**
     * Closes the books after the Runner returned or threw: the combination still open failed, and
     * every planned one that never started is recorded as not run.
     */
    void finish(Throwable runFailure) {
        String why = Interruption.requested() ? "the run was interrupted"
                : runFailure == null ? "the run ended before it reported" : "the run stopped: " + firstLine(runFailure);
        if (current != null) {
            fail(current, why);
        }
        for (Plan.Item item : planned.values()) {
            if (!seen.contains(item.key())) {
                failures.add(new Failure(item.benchmark(), item.mode().shortLabel(), item.params(), "not run: " + why, List.of()));
            }
        }
        seen.addAll(planned.keySet());
    }

    @Override
    public void startRun() {
        progress.begin();
        jmh.startRun();
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        if (current != null) {
            fail(current, "no result");
        }
        current = params;
        tail.clear();
        errorLines = null;
        seen.add(key(params));
        // After Ctrl-C JMH still walks through the rest of its plan, but no fork starts (ForkSystemProperties refuses it).
        refused = Interruption.requested();
        if (!refused) {
            started++;
            progress.started(params);
        }
        jmh.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
        if (current == null) {
            return;
        }
        if (result == null || result.getPrimaryResult() == null) {
            fail(current, "no result");
            return;
        }
        finished.put(key(current), new RunResult(current, List.of(result)));
        progress.done(current, true);
        current = null;
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        if (current != null) {
            fail(current, "no result");
        }
        jmh.endRun(result);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        jmh.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        jmh.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void print(String s) {
        String safe = secrets.redact(s);
        capture(safe);
        jmh.print(safe);
    }

    @Override
    public void println(String s) {
        String safe = secrets.redact(s);
        capture(safe + "\n");
        jmh.println(safe);
    }

    @Override
    public void verbosePrintln(String s) {
        // JMH's verbose mode prints each fork's command line, which holds the handed-over -D settings.
        jmh.verbosePrintln(secrets.redact(s));
    }

    @Override
    public void write(int b) {
        capture(String.valueOf((char) b));
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        capture(new String(b, StandardCharsets.UTF_8));
        jmh.write(b);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    /**
     * JMH closes its output at the end of a run; the stream is the console (or the launcher's -o
     * file, which the launcher closes), so this only flushes.
     */
    @Override
    public void close() {
        jmh.flush();
    }

    private void fail(BenchmarkParams params, String fallbackReason) {
        flushPartialLine();
        List<String> error;
        String reason;
        if (errorLines != null && !errorLines.isEmpty()) {
            error = errorLines.stream().filter(l -> !l.isBlank()).skip(1).limit(ERROR_LINES).toList();
            String marker = errorLines.get(0).trim();
            if (marker.startsWith("<failure>")) {
                reason = error.isEmpty() ? "the benchmark threw" : "the benchmark threw " + error.get(0).trim();
            } else {
                reason = marker.replaceAll("^<|>$", "");
            }
        } else {
            error = List.copyOf(tail);
            reason = fallbackReason;
        }
        if (Interruption.requested()) {
            // The fork was stopped, or refused to start, because of Ctrl-C: not a fault of the benchmark.
            reason = refused ? "not run: the run was interrupted" : "interrupted before it finished";
            error = List.of();
        }
        Failure f = new Failure(params.getBenchmark(), params.getMode().shortLabel(), Plan.Item.params(params), reason, error);
        failures.add(f);
        progress.done(params, false);
        current = null;
        progress.println("[dbbench] FAILED " + Progress.label(params) + ": " + reason + (Interruption.requested() ? " (recorded)" : " (recorded; the run goes on)"));
    }

    private void capture(String text) {
        if (current == null) {
            return;
        }
        partialLine.append(text);
        int nl;
        while ((nl = partialLine.indexOf("\n")) >= 0) {
            line(partialLine.substring(0, nl));
            partialLine.delete(0, nl + 1);
        }
    }

    private void flushPartialLine() {
        if (partialLine.length() > 0) {
            line(partialLine.toString());
            partialLine.setLength(0);
        }
    }

    private void line(String line) {
        if (errorLines == null && ERROR_MARKERS.stream().anyMatch(m -> line.trim().startsWith(m))) {
            errorLines = new ArrayList<>();
        }
        if (errorLines != null && errorLines.size() <= ERROR_LINES * 4) {
            errorLines.add(line);
        }
        tail.addLast(line);
        while (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    private static String key(BenchmarkParams params) {
        return Plan.Item.key(params);
    }

    static String firstLine(Throwable t) {
        return FirstLine.of(t);
    }
}
