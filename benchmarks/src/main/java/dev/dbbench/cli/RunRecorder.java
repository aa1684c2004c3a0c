package dev.dbbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.history.HistoryRecorder;
import dev.dbbench.profile.ProfilerOutput;
import dev.dbbench.report.RenderAfterRun;
import dev.dbbench.report.SummaryTable;
import dev.dbbench.results.AtomicFiles;
import dev.dbbench.results.ResultsWriter;
import dev.dbbench.results.RunFolder;
import dev.dbbench.results.RunListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last phase: writes the run's folder (results, failures, environment, durations, profiler
 * output; {@code latest} pointed at it), prints the summary, then renders the report and appends
 * the history line into it, and says the exit code. Nothing here loses a result: a file that
 * cannot be written, or a report that fails, is reported and the rest is still written.
 */
final class RunRecorder {
    private final PrintStream out;
    private final boolean verbose;
    private final List<RunListener> afterRun;

    /** {@code extraListeners} (tests) are called before the report and the history. */
    RunRecorder(PrintStream out, boolean verbose, List<RunListener> extraListeners) {
        this.out = out;
        this.verbose = verbose;
        List<RunListener> listeners = new ArrayList<>(extraListeners);
        listeners.add(new RenderAfterRun());
        listeners.add(new HistoryRecorder());
        this.afterRun = List.copyOf(listeners);
    }

    int record(BenchmarkRun.Done done, RunSettings settings, RunSession session, ProfilerOutput profilerOutput, ObjectMapper json)
            throws IOException {
        boolean interrupted = Interruption.requested();
        ObjectNode environment = done.environment().finish(done.failures().size(), interrupted);
        Path resultsDir = settings.resultsDir();
        RunFolder folder = RunFolder.create(resultsDir, done.environment().started());
        List<String> notWritten = new ArrayList<>(new ResultsWriter(json, session.secrets())
                .write(folder, done.results(), done.failures(), environment, done.progress().durations()));
        profilerOutput.moveInto(folder.path());
        try {
            folder.markLatest();
        } catch (IOException e) {
            notWritten.add("cannot point " + resultsDir.resolve(RunFolder.LATEST) + " at " + folder.path() + " (" + AtomicFiles.reason(e) + ")");
        }

        out.println();
        out.println("[dbbench] summary (" + settings.profile().label() + " profile; details in " + folder.path() + ")");
        out.print(SummaryTable.render(done.results(), done.failures()));
        session.trips().summaryLines().forEach(out::println);

        boolean afterRunOk = afterRun(folder.path());
        int planned = done.combinations();
        if (!done.failures().isEmpty()) {
            long failed = done.failures().stream().map(f -> Plan.Item.key(f.benchmark(), f.mode(), f.params())).distinct().count();
            out.println("[dbbench] " + failed + " of " + planned + " combinations failed" + (failed < done.failures().size() ? " ("
                    + done.failures().size() + " failures over their rounds)" : "") + "; see "
                    + folder.path().resolve(RunFolder.FAILURES_JSON));
        }
        notWritten.forEach(line -> out.println("[dbbench] " + line));
        if (interrupted) {
            out.println("[dbbench] interrupted: " + done.results().size() + " of " + planned + " combinations finished and are kept in " + folder.path());
            return Interruption.EXIT_CODE;
        }
        return done.failures().isEmpty() && afterRunOk && notWritten.isEmpty() ? 0 : 1;
    }

    /** The report and the history, each on its own: one that fails is reported and does not stop the other. */
    private boolean afterRun(Path runDir) {
        boolean ok = true;
        for (RunListener l : afterRun) {
            try {
                l.afterRun(runDir);
            } catch (Exception e) {
                ok = false;
                out.println("[dbbench] " + l.getClass().getName() + " failed after the run: " + RunMonitor.firstLine(e) + " (the results are written)");
                if (verbose) {
                    e.printStackTrace(out);
                }
            }
        }
        return ok;
    }
}
