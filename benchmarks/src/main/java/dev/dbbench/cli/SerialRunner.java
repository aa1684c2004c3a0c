package dev.dbbench.cli;

import dev.dbbench.core.provision.Secrets;
import java.io.PrintStream;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/** One JMH run for the whole pass, benchmark after benchmark: the way measured figures are taken. */
record SerialRunner(PrintStream jmhText, VerboseMode verbosity, Secrets secrets, Progress progress) implements PassRunner {
    @Override
    public Outcome run(Options options, Plan plan) {
        OutputFormat text = OutputFormatFactory.createFormatInstance(new RedactingPrintStream(jmhText, secrets), verbosity);
        RunMonitor monitor = new RunMonitor(text, plan, secrets, progress);
        RunnerException stopped = null;
        Collection<RunResult> results;
        try {
            results = new Runner(options, monitor).run();
        } catch (RunnerException e) {
            PassRunner.throwIfSetupFailure(e, progress.started());
            stopped = e;
            results = monitor.resultsSoFar();
        }
        monitor.finish(stopped);
        return new Outcome(results, monitor.failures(), stopped);
    }
}
