package dev.dbbench.cli;

import dev.dbbench.core.provision.Secrets;
import java.io.IOException;
import java.io.PrintStream;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/** {@code lanes} benchmarks of the pass at once, each in its own JMH run ({@link ParallelRun}): for checking that they run, not for figures. */
record ParallelRunner(int lanes, PrintStream jmhText, VerboseMode verbosity, Secrets secrets, Progress progress) implements PassRunner {
    @Override
    public Outcome run(Options options, Plan plan) throws IOException {
        ParallelRun.Outcome outcome = new ParallelRun(lanes, options, plan, jmhText, verbosity, secrets, progress).run();
        if (outcome.stopped() != null) {
            PassRunner.throwIfSetupFailure(outcome.stopped(), outcome.started());
        }
        return new Outcome(outcome.results(), outcome.failures(), outcome.stopped());
    }
}
