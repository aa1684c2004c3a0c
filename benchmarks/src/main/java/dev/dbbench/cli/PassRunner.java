package dev.dbbench.cli;

import dev.dbbench.results.Failure;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.ProfilersFailedException;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs one pass's benchmarks under JMH: one at a time ({@link SerialRunner}) or several side by
 * side ({@link ParallelRunner}). Either way a benchmark that fails is recorded and the others run;
 * a run that cannot start at all is a set-up failure (one line, exit 2).
 */
interface PassRunner {
    /** What one pass produced, and what stopped it early, if anything. */
    record Outcome(Collection<RunResult> results, List<Failure> failures, RunnerException stopped) {}

    Outcome run(Options options, Plan plan) throws IOException;

    /**
     * A run that stopped before anything ran failed to set up (a bad profiler, JMH's lock held): one line, exit 2.
     * {@code started} is counted over the whole run: a later pass that cannot start must not lose the earlier passes' results.
     */
    static void throwIfSetupFailure(RunnerException e, int started) {
        if (e instanceof ProfilersFailedException) {
            throw new SetupException("-prof: " + RunMonitor.firstLine(e) + ". Run with -lprof to list the profilers this machine supports", e);
        }
        if (e instanceof NoBenchmarksException) {
            throw new SetupException("no benchmark matches the selection. Run with -l to list the benchmarks", e);
        }
        if (started == 0) {
            // Nothing ran yet (JMH's global lock is held by another run, most often): still a set-up failure.
            throw new SetupException("[jmh] " + RunMonitor.firstLine(e).replaceFirst("^ERROR: ", ""), e);
        }
    }
}
