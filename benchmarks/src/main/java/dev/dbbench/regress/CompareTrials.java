package dev.dbbench.regress;

import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import dev.dbbench.regress.CheckReport.Case;
import dev.dbbench.regress.ruler.WorkBenchmark;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Measures the check itself: how often an injected 10% slowdown is found, and how often identical
 * builds raise an alarm. From one benchmarks.jar it makes a base copy, an identical copy and a copy
 * whose {@link WorkBenchmark} does 10% more work, then alternates A/B trials (base vs slower) and A/A
 * trials (base vs identical), each a complete check with its re-run. Run as
 * {@code java -cp benchmarks.jar dev.dbbench.regress.CompareTrials --jar benchmarks.jar}. With
 * {@code --preset} the trials of the sequential check instead ({@link SequentialTrials}), resumable
 * across sessions: each finished check goes into {@code --out}'s record, and the same command continues it.
 */
@Command(name = "compare-trials", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = CompareCommand.BAD_INPUT,
        description = "Detection and false-alarm rates of `compare` on this machine, with a slowdown injected into WorkBenchmark.")
public final class CompareTrials implements Callable<Integer> {
    @Option(names = "--jar", required = true, paramLabel = "JAR", description = "The benchmarks.jar to make the trial jars from.")
    Path jar;

    @Option(names = "--trials", defaultValue = "20", description = "A/B trials, and as many A/A trials (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--pairs", defaultValue = "10", description = "Pairs per check (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--slower-work", defaultValue = "110", description = "Work of the slower copy; the base has 100 (default ${DEFAULT-VALUE}).")
    int slowerWork;

    @Parameters(arity = "0..*", paramLabel = "SELECTION", description = "Extra benchmarks compared next to WorkBenchmark (they must never be flagged).")
    List<String> extra = new ArrayList<>();

    @Option(names = {"-wi"}, defaultValue = "2") int warmupIterations;
    @Option(names = {"-i"}, defaultValue = "5") int iterations;
    @Option(names = {"-w"}, defaultValue = "500ms") String warmupTime;
    @Option(names = {"-r"}, defaultValue = "500ms") String time;

    @Option(names = "--shared-server", description = "Provision one PostgreSQL here and hand it to every fork (faster trials;"
            + " each benchmark still creates its own fresh database on it) instead of one per fork.")
    boolean sharedServer;

    @Option(names = "--jvm-arg", description = "A JVM flag for every fork (repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--out", defaultValue = "compare-trials", description = "Folder for the trial jars and trials.md (default ${DEFAULT-VALUE}). With --preset also the record"
            + " trials.json: a run finding one there continues it with the first missing check, and refuses it when made with other settings or another jar.")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME", description = "Trials of the sequential check on a preset (e.g. ci) instead: the"
            + " slower copy carries a test-only slowdown of --slowdown in the preset's database benchmark " + Preset.INJECTION_TARGET + ".")
    String preset;

    @Option(names = "--slowdown", defaultValue = "0.10", paramLabel = "FRACTION",
            description = "With --preset: the injected slowdown, a fraction of each call's own time (default ${DEFAULT-VALUE}).")
    double slowdown;

    @Option(names = "--budget", paramLabel = "DURATION", description = "With --preset: the budget of each check (default: the preset's).")
    String budget;

    @Option(names = "--schedule", paramLabel = "HOW", defaultValue = "auto", description = "With --preset: how a pair's forks share the"
            + " machine, as compare's --schedule: auto (default; a duet where taskset and two CPUs are available), duet or interleaved.")
    String schedule;

    @Option(names = "--ab-only", description = "Run only the A/B checks (base vs slower), e.g. for one check of the time a check takes.")
    boolean abOnly;

    @Option(names = "--max-checks", paramLabel = "N", description = "With --preset: run at most N more checks in this run, then stop"
            + " between checks; the same command continues the record in --out.")
    Integer maxChecks;

    @Option(names = "--until", paramLabel = "HH:MM", description = "With --preset: start a check only if its budget (or the longest"
            + " check so far, when longer) ends by HH:MM UTC (the next such time: 01:00 given at 23:00 is tomorrow's); the same command continues.")
    String until;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CompareTrials());
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli.execute(args);
    }

    private record Trial(int number, String kind, Verdict overall, Verdict work, long otherRegressions, double seconds, double estimate) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (preset != null) {
                return new SequentialTrials(Preset.named(preset), budget == null ? null : Preset.parseBudget(budget), trials, slowdown,
                        abOnly, jvmArgs, PairSchedule.detect(schedule), out, maxChecks == null ? 0 : positive(maxChecks),
                        until == null ? null : time(until), Clock.systemUTC(), SequentialTrials::systemLoad, spec.commandLine().getOut(), err).run(jar);
            }
            if (maxChecks != null || until != null) {
                throw new BadInputException((maxChecks != null ? "--max-checks" : "--until") + " applies to the resumable trials of a preset:"
                        + " give --preset ci too, or leave it out");
            }
            return fixedPairs();
        } catch (BadInputException e) {
            err.println("[compare-trials] " + e.getMessage());
            err.flush();
            return CompareCommand.BAD_INPUT;
        }
    }

    private static int positive(int n) {
        if (n < 1) {
            throw new BadInputException("--max-checks " + n + " must be at least 1: leave it out for no limit");
        }
        return n;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim(), DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new BadInputException("--until \"" + text + "\" is not a time of day: give HH:MM in UTC, e.g. 14:30", e);
        }
    }

    /** The trials of the fixed-pairs check on WorkBenchmark (not resumable: 40 of its checks take under two hours). */
    private int fixedPairs() throws IOException {
        PrintWriter progress = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Files.createDirectories(out);
        Path base = Files.copy(jar, out.resolve("base.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path same = Files.copy(jar, out.resolve("same.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path slower = Files.copy(jar, out.resolve("slower.jar"), StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(slower)) {
            Files.writeString(zip.getPath(WorkBenchmark.RESOURCE), "work=" + slowerWork + "\n");
        }
        List<String> flags = new ArrayList<>(jvmArgs);
        if (sharedServer) {
            PgEndpoint admin = SharedPostgres.get().admin();
            // Never the password on a command line (every local user sees those): the embedded server has none, and an
            // explicit server's reaches the forks through DBBENCH_PG_PASSWORD in the environment they inherit.
            flags.addAll(List.of("-Ddbbench.pg.url=" + admin.jdbcUrl(), "-Ddbbench.pg.user=" + admin.user()));
        }
        ForkSettings forks = new ForkSettings(ForkSettings.currentJava(), flags, warmupIterations, iterations, warmupTime, time);
        List<String> selection = new ArrayList<>(List.of(WorkBenchmark.class.getName() + ".work"));
        selection.addAll(extra);
        DbbenchJar baseJar = DbbenchJar.open(base, "base");
        DbbenchJar sameJar = DbbenchJar.open(same, "same");
        DbbenchJar slowerJar = DbbenchJar.open(slower, "slower");
        List<Trial> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 1; t <= trials; t++) {
            // Alternating, so a machine that gets busier over the hours affects both kinds of trial alike.
            results.add(trial(t, "A/B", baseJar, slowerJar, selection, forks, progress));
            results.add(trial(t, "A/A", baseJar, sameJar, selection, forks, progress));
            CheckOutputs.write(out.resolve("trials.md"), summary(results, selection, forks, (System.nanoTime() - started) / 1e9), "the trials' summary");
        }
        String md = summary(results, selection, forks, (System.nanoTime() - started) / 1e9);
        System.out.println(md);
        return 0;
    }

    private Trial trial(int number, String kind, DbbenchJar a, DbbenchJar b, List<String> selection, ForkSettings forks,
                        PrintWriter progress) throws IOException {
        long start = System.nanoTime();
        CheckReport report;
        try (WorkFolder work = WorkFolder.temporaryIn(out)) {
            report = new RegressionCheck(a, b, selection, pairs, 0.05, 0.05, 0.03, forks, work, progress).run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Every trial's pairs, bounds and rulers, to see why a trial went the way it did.
        CheckOutputs.write(out.resolve(String.format(Locale.ROOT, "trial-%02d-%s.json", number, kind.replace("/", ""))),
                CheckOutputs.toJson(report), "the trial's report");
        Case workCase = report.benchmarks().stream().filter(c -> c.key().benchmark().endsWith("WorkBenchmark.work")).findFirst().orElseThrow();
        long others = report.benchmarks().stream().filter(c -> c != workCase && c.verdict() == Verdict.REGRESSION).count();
        Trial trial = new Trial(number, kind, report.verdict(), workCase.verdict(), others, seconds, workCase.first().decision().estimate());
        progress.printf(Locale.ROOT, "[trials] %s trial %d: check %s, WorkBenchmark %s (%s), %.0f s%n", kind, number, report.verdict(),
                workCase.verdict(), Markdown.change(trial.estimate()), seconds);
        return trial;
    }

    private String summary(List<Trial> results, List<String> selection, ForkSettings forks, double seconds) {
        List<Trial> ab = results.stream().filter(t -> t.kind().equals("A/B")).toList();
        List<Trial> aa = results.stream().filter(t -> t.kind().equals("A/A")).toList();
        long detected = ab.stream().filter(t -> t.work() == Verdict.REGRESSION).count();
        long abUnstable = ab.stream().filter(t -> t.overall() == Verdict.UNSTABLE).count();
        long falseAlarms = aa.stream().filter(t -> t.overall() == Verdict.REGRESSION).count();
        long aaUnstable = aa.stream().filter(t -> t.overall() == Verdict.UNSTABLE).count();
        long inconclusive = results.stream().filter(t -> t.overall() == Verdict.INCONCLUSIVE).count();
        long otherFlags = results.stream().mapToLong(Trial::otherRegressions).sum();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## compare trials: %d%% more work in head%n%n", slowerWork - 100));
        md.append(String.format(Locale.ROOT, "Selection %s + rulers; %d pairs; `-wi %d -w %s -i %d -r %s`; %s; JVM flags %s.%n%n",
                selection, pairs, forks.warmupIterations(), forks.warmupTime(), forks.iterations(), forks.time(),
                sharedServer ? "one PostgreSQL shared by the forks" : "each fork provisions its own PostgreSQL", jvmArgs));
        md.append(String.format(Locale.ROOT, "- slowdown detected (REGRESSION): **%d of %d** A/B trials (UNSTABLE: %d)%n", detected, ab.size(), abUnstable));
        md.append(String.format(Locale.ROOT, "- false alarms (REGRESSION): **%d of %d** A/A trials (UNSTABLE: %d)%n", falseAlarms, aa.size(), aaUnstable));
        md.append(String.format(Locale.ROOT, "- other selected benchmarks flagged REGRESSION: %d%n", otherFlags));
        md.append(String.format(Locale.ROOT, "- checks whose verdict was INCONCLUSIVE (a benchmark too noisy to tell 5%% from none; exit 0): %d of %d%n",
                inconclusive, results.size()));
        md.append(String.format(Locale.ROOT, "- one check took %.1f to %.1f min (median %.1f); all trials %.0f min%n%n",
                results.stream().mapToDouble(Trial::seconds).min().orElse(0) / 60,
                results.stream().mapToDouble(Trial::seconds).max().orElse(0) / 60,
                PairedStatistics.median(results.stream().mapToDouble(Trial::seconds).toArray()) / 60, seconds / 60));
        md.append("| trial | kind | check | WorkBenchmark | round-1 change | minutes |\n|---:|---|---|---|---:|---:|\n");
        for (Trial t : results) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %.1f |%n", t.number(), t.kind(), t.overall(), t.work(),
                    Markdown.change(t.estimate()), t.seconds() / 60));
        }
        return md.toString();
    }
}
