package dev.dbbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.core.provision.Secrets;
import dev.dbbench.results.Failure;
import dev.dbbench.results.RunDurations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The measuring phase: runs the plan as passes (the whole plan once, or with {@code --pg-rtt} the
 * PostgreSQL benchmarks once per round trip), in {@link Rounds} when the forks are spread over
 * several, through one {@link PassRunner}, and returns what they produced, each combination's
 * rounds merged into one result. A benchmark that fails is recorded; the others still run.
 */
final class BenchmarkRun {
    /**
     * What the run produced: {@code plan} is every round's and pass's parts of the combinations (what
     * progress counted); {@code combinations} how many distinct ones they are; {@code environment} still to be finished.
     */
    record Done(List<RunResult> results, List<Failure> failures, Plan plan, int combinations, Progress progress, RunEnvironment environment) {}

    private BenchmarkRun() {}

    static Done run(RunSettings settings, RunSession session, ObjectMapper json, PrintStream out) throws IOException {
        List<Rounds.Round> rounds = Rounds.of(session.trips().passes(settings.plan(), session.forkContract()), settings.rounds());
        Plan plan = Rounds.total(rounds);
        int passCount = rounds.stream().mapToInt(r -> r.passes().size()).sum();
        // Always: besides handing over the settings, it keeps new forks from starting after Ctrl-C.
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(settings.options()).addProfiler(ForkSystemProperties.class);
        boolean gc = settings.gcProfiler() && !settings.asksForGcProfiler();
        if (gc) {
            // Allocation per operation is half of some answers (streaming vs loading all, pools): measured in every run.
            builder.addProfiler(GCProfiler.class);
        }
        Options options = builder.build();
        RunEnvironment environment = RunEnvironment.start(json, settings, Rounds.combinations(rounds), gc || settings.asksForGcProfiler(), session);

        int lanes = settings.lanes();
        Estimate estimate = estimate(plan, settings.resultsDir(), settings.profile(), lanes);
        out.println("[dbbench] profile " + settings.profile().label() + " (" + settings.profile().description() + "): " + Rounds.combinations(rounds)
                + " benchmark x parameter combinations, about " + Progress.clock(estimate.total()) + " planned (" + estimate.source() + ")"
                + (lanes > 1 ? ", " + lanes + " benchmarks at a time" : "")
                + (rounds.size() > 1 ? ", each combination's forks in " + rounds.size() + " rounds (" + plan.size() + " parts in all)" : ""));
        VerboseMode verbosity = options.verbosity().orElse(Defaults.VERBOSITY);
        Progress progress = new Progress(out, plan, estimate, System::nanoTime);
        Secrets secrets = session.secrets();
        PassRunner runner = lanes > 1 ? new ParallelRunner(lanes, session.jmhOut().stream(), verbosity, secrets, progress)
                : new SerialRunner(session.jmhOut().stream(), verbosity, secrets, progress);
        List<RunResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        // Several passes are one run: JMH's machine-wide lock is held across them, so another JMH run cannot slip in between.
        try (ParallelRun.JmhLock lock = passCount > 1 ? ParallelRun.JmhLock.acquire() : null) {
            RunnerException stopped = null;
            for (Rounds.Round round : rounds) {
                if (round.of() > 1 && stopped == null) {
                    progress.println("[dbbench] round " + round.number() + " of " + round.of() + ": "
                            + (round.number() == 1 ? "every combination, its first fork(s)" : "every combination again, its next fork(s)"));
                }
                for (PgRoundTrips.Pass pass : round.passes()) {
                    if (stopped == null && session.trips().closed()) {
                        // The shutdown hook (Ctrl-C) closed the relays: a pass started now would only fail to connect.
                        stopped = new RunnerException("the run was interrupted");
                    }
                    if (stopped != null) {
                        // The earlier passes' results are kept; this one's combinations are recorded as not run.
                        RunMonitor idle = new RunMonitor(OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()),
                                VerboseMode.SILENT), pass.plan(), secrets, progress);
                        idle.finish(stopped);
                        failures.addAll(round.tag(pass.tagFailures(idle.failures())));
                        continue;
                    }
                    pass.handOver();
                    PassRunner.Outcome done = runner.run(pass.narrow(options), pass.plan());
                    results.addAll(pass.tag(List.copyOf(done.results())));
                    failures.addAll(round.tag(pass.tagFailures(done.failures())));
                    stopped = done.stopped();
                }
            }
        }
        results = new ArrayList<>(Rounds.merge(results));
        if (lanes > 1 || passCount > 1) {
            try {
                writeResultFile(options, results);
            } catch (RuntimeException e) {
                // Checked before the run; a disk that filled up since must not lose the run's own folder.
                out.println("[dbbench] -rff: the extra copy of the results was not written (" + RunMonitor.firstLine(e) + "); the run's folder has them all");
            }
        }
        return new Done(List.copyOf(results), failures, plan, Rounds.combinations(rounds), progress, environment);
    }

    /**
     * -rf/-rff with benchmarks run side by side or in several passes: each JMH run would overwrite
     * the file, so it is written here once, with every result, in the format JMH would have used.
     */
    private static void writeResultFile(Options options, Collection<RunResult> results) {
        if (!options.getResult().hasValue() && !options.getResultFormat().hasValue()) {
            return;
        }
        ResultFormatType type = options.getResultFormat().orElse(Defaults.RESULT_FORMAT);
        String file = options.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "." + type.toString().toLowerCase(Locale.ROOT));
        ResultFormatFactory.getInstance(type, file).writeOut(results);
    }

    /**
     * The run's time estimate: from the previous run of the same profile under the results folder,
     * else from the reference run of the profile the jar ships (measured on the project's 2-core
     * machine kind; the estimate scales it by how the first combinations compare), else from the settings.
     */
    private static Estimate estimate(Plan plan, Path resultsDir, Profile profile, int lanes) {
        List<RunDurations.Entry> previous = RunDurations.previous(resultsDir, profile.label());
        if (!previous.isEmpty()) {
            return new Estimate(plan, previous, "the previous " + profile.label() + " run", lanes);
        }
        return new Estimate(plan, RunDurations.reference(profile.label()), "the reference " + profile.label() + " run", lanes);
    }
}
