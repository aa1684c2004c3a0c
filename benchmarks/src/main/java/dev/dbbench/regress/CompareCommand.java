package dev.dbbench.regress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: did this change make database work slower? Runs two jars interleaved on this
 * machine ({@code --base}/{@code --head}) or, as an advisory only, compares two stored JMH result
 * files ({@code --baseline}/{@code --current}). Exit codes: 0 no regression, 1 regression,
 * 2 unstable, 3 bad input (or a comparison that could not be completed, e.g. a fork that failed).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = CompareCommand.BAD_INPUT,
        description = {
            "Did this change make benchmarks slower? Runs the selected benchmarks of two jars interleaved on this machine"
                    + " (A B B A ...), one fork each, and flags a change only when a bootstrap interval over the pairs excludes"
                    + " no change, the change exceeds --threshold, and a re-run agrees.",
            "With --baseline/--current, compares two stored JMH JSON files instead: ADVISORY only.",
            "Exit codes: 0 no regression, 1 regression, 2 unstable (a ruler moved), 3 bad input or no comparison possible."},
        sortOptions = false)
public final class CompareCommand implements Callable<Integer> {
    public static final int NO_REGRESSION = 0;
    public static final int REGRESSION = 1;
    public static final int UNSTABLE = 2;
    public static final int BAD_INPUT = 3;

    @Option(names = "--base", paramLabel = "JAR", description = "The benchmarks.jar built from the base commit (e.g. main).")
    Path base;

    @Option(names = "--head", paramLabel = "JAR", description = "The benchmarks.jar built from the change.")
    Path head;

    @Parameters(paramLabel = "SELECTION", arity = "0..*",
            description = "JMH-style regular expressions of the benchmarks to compare (default: all but the check's own WorkBenchmark). Rulers always run.")
    List<String> selection = new ArrayList<>();

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "10", description = "Pairs of forks per round, at least 5 (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "Smallest change reported, in percent (default ${DEFAULT-VALUE}).")
    double thresholdPercent;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "False-alarm rate per direction over all benchmarks compared, before the re-run (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--ruler-tolerance", paramLabel = "PERCENT", defaultValue = "3",
            description = "How far a ruler may move, in percent (with its pairs leaning one way), before the check says UNSTABLE (default ${DEFAULT-VALUE}).")
    double rulerTolerancePercent;

    @Option(names = "--unstable-is-warning", description = "Exit 0 with a warning, instead of 2, when the verdict is UNSTABLE.")
    boolean unstableIsWarning;

    @Option(names = {"--warmup-iterations", "-wi"}, paramLabel = "N", defaultValue = "2", description = "Warm-up iterations per fork (default ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = {"--iterations", "-i"}, paramLabel = "N", defaultValue = "5", description = "Measurement iterations per fork (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = {"--warmup-time", "-w"}, paramLabel = "TIME", defaultValue = "500ms", description = "Warm-up iteration time (default ${DEFAULT-VALUE}).")
    String warmupTime;

    @Option(names = {"--time", "-r"}, paramLabel = "TIME", defaultValue = "500ms", description = "Measurement iteration time (default ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--jvm-arg", paramLabel = "FLAG", description = "A JVM flag for every fork of both jars, e.g. --jvm-arg=-Xmx1g (repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "JSON", description = "Advisory mode: stored JMH JSON result of the base.")
    Path baseline;

    @Option(names = "--current", paramLabel = "JSON", description = "Advisory mode: JMH JSON result of the change.")
    Path current;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the Markdown summary here (it is always printed, and"
            + " appended to $GITHUB_STEP_SUMMARY when that is set).")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the per-benchmark JSON (pairs, estimate, bounds, verdict) here.")
    Path json;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Keep each fork's JMH JSON and log here (default: a temporary"
            + " directory, removed unless a fork failed).")
    Path workDir;

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    @Option(names = "--preset", paramLabel = "NAME", description = "A ready selection with its parameters and iteration settings,"
            + " run by the sequential check within --budget: ci (nine database benchmarks on both databases). Its looks are fixed (--pairs does not apply); explicit -wi/-i/-w/-r override its iteration settings.")
    String preset;

    @Option(names = "--budget", paramLabel = "DURATION", description = "Run the sequential check: add interleaved pairs only for"
            + " undecided benchmarks until each is REGRESSION or NO_CHANGE or this much time is spent, e.g. 15m (default with --preset: 15m)."
            + " Without a preset, --pairs is the first look.")
    String budget;

    @Option(names = "--alloc-threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "Sequential check: smallest change of allocation per operation (gc.alloc.rate.norm) reported, in percent (default ${DEFAULT-VALUE}).")
    double allocThresholdPercent;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public CompareCommand() {
        this(System.getenv());
    }

    public CompareCommand(Map<String, String> env) {
        this.env = env;
    }

    /** For {@code java -cp benchmarks.jar dev.dbbench.regress.CompareCommand ...}. */
    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CompareCommand(env));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (BadInputException e) {
            err.println("[compare] " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
        } catch (RuntimeException e) {
            // Never exit 1 (which a pipeline reads as "regression") for a failure of the check itself.
            err.println("[compare] the comparison could not be completed: " + JmhResults.oneLine(e)
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        if (preset != null || budget != null) {
            return runSequential(out, err);
        }
        boolean jars = base != null || head != null;
        boolean files = baseline != null || current != null;
        if (jars == files) {
            throw new BadInputException("give either --base JAR --head JAR (interleaved check) or --baseline JSON --current JSON"
                    + " (advisory), not " + (jars ? "both" : "neither"));
        }
        double threshold = percent("--threshold", thresholdPercent);
        // Written only at the end: a path that cannot be written must fail now, not after every fork ran.
        writable("--markdown", markdown);
        writable("--json", json);
        if (files) {
            if (baseline == null || current == null) {
                throw new BadInputException((baseline == null ? "--baseline" : "--current") + " is missing: the advisory comparison needs both files");
            }
            AdvisoryComparison.Report report = AdvisoryComparison.compare(baseline, current, threshold);
            String md = AdvisoryComparison.markdown(report);
            publish(md, report, out);
            err.println("[compare] " + AdvisoryComparison.WARNING);
            return NO_REGRESSION;
        }
        if (base == null || head == null) {
            throw new BadInputException((base == null ? "--base" : "--head") + " is missing: the check runs two jars, --base JAR --head JAR");
        }
        // Validate everything before the first fork starts.
        ForkSettings forks = new ForkSettings(ForkSettings.currentJava(), jvmArgs, warmupIterations, iterations, warmupTime, time);
        double tolerance = percent("--ruler-tolerance", rulerTolerancePercent);
        DbbenchJar baseJar = DbbenchJar.open(base, "--base");
        DbbenchJar headJar = DbbenchJar.open(head, "--head");
        // Settings and selection checked before the work folder is made, so bad input leaves none behind.
        RegressionCheck.checkSettings(pairs, threshold, alpha);
        baseJar.sameSelection(headJar, selection);
        Path dir = workDir;
        try {
            dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("dbbench-compare-");
        } catch (IOException e) {
            throw new BadInputException("--work-dir " + dir + " cannot be created (" + JmhResults.oneLine(e) + "): give a writable directory", e);
        }
        CheckReport report;
        try {
            report = new RegressionCheck(baseJar, headJar, selection, pairs, threshold, alpha, tolerance, forks, dir, err).run();
        } catch (RuntimeException e) {
            // A failed fork's log stays for the person to read (the error names it); an empty folder goes.
            if (workDir == null && isEmpty(dir)) {
                deleteTree(dir);
            }
            throw e;
        }
        int code = switch (report.verdict()) {
            case REGRESSION -> REGRESSION;
            case UNSTABLE -> unstableIsWarning ? NO_REGRESSION : UNSTABLE;
            case INCONCLUSIVE, IMPROVEMENT, NO_CHANGE -> NO_REGRESSION;
        };
        report = report.withExitCode(code);
        publish(Markdown.render(report), report, out);
        if (report.verdict() == Verdict.UNSTABLE && unstableIsWarning) {
            err.println("[compare] warning: the verdict is UNSTABLE (a ruler moved); exiting 0 because of --unstable-is-warning");
        }
        long inconclusive = report.benchmarks().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
        if (inconclusive > 0) {
            err.println("[compare] warning: " + inconclusive + " benchmark(s) INCONCLUSIVE: too noisy to tell a "
                    + Markdown.percent(1 + threshold).replace("+", "") + " change from none; more --pairs, longer -r or a quieter machine would tell");
        }
        if (workDir == null) {
            deleteTree(dir);
        }
        return code;
    }

    /** {@code --preset} / {@code --budget}: the sequential check ({@link SequentialCheck}); every input checked before the first fork. */
    private int runSequential(PrintWriter out, PrintWriter err) {
        Preset chosen = preset == null ? null : Preset.named(preset);
        java.time.Duration limit = budget != null ? Preset.parseBudget(budget) : chosen.budget();
        if (baseline != null || current != null) {
            throw new BadInputException((preset != null ? "--preset" : "--budget") + " runs the interleaved check of two jars:"
                    + " give --base JAR --head JAR, not --baseline/--current");
        }
        if (base == null || head == null) {
            throw new BadInputException((base == null ? "--base" : "--head") + " is missing: the check runs two jars, --base JAR --head JAR");
        }
        if (chosen != null && !selection.isEmpty()) {
            throw new BadInputException("--preset " + chosen.name() + " chooses the benchmarks itself, but a selection was given too ("
                    + selection + "): give one or the other");
        }
        double threshold = percent("--threshold", thresholdPercent);
        double allocThreshold = percent("--alloc-threshold", allocThresholdPercent);
        double tolerance = percent("--ruler-tolerance", rulerTolerancePercent);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        int wi = chosen != null && !parsed.hasMatchedOption("-wi") ? chosen.warmupIterations() : warmupIterations;
        int i = chosen != null && !parsed.hasMatchedOption("-i") ? chosen.iterations() : iterations;
        String w = chosen != null && !parsed.hasMatchedOption("-w") ? chosen.warmupTime() : warmupTime;
        String r = chosen != null && !parsed.hasMatchedOption("-r") ? chosen.time() : time;
        ForkSettings forks = new ForkSettings(ForkSettings.currentJava(), jvmArgs, wi, i, w, r);
        // Without a preset: four looks every 2 pairs from --pairs on, alarms from the second (as the ci preset).
        SequentialRule.Plan plan = chosen != null ? chosen.plan() : new SequentialRule.Plan(pairs, 2, 4, pairs + 2);
        DbbenchJar baseJar = DbbenchJar.open(base, "--base");
        DbbenchJar headJar = DbbenchJar.open(head, "--head");
        Path dir = workDir;
        try {
            dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("dbbench-compare-");
        } catch (IOException e) {
            throw new BadInputException("--work-dir " + dir + " cannot be created (" + JmhResults.oneLine(e) + "): give a writable directory", e);
        }
        SequentialCheck check = new SequentialCheck(baseJar, headJar, chosen != null ? chosen.selection() : selection,
                chosen != null ? chosen.name() : null, chosen != null ? chosen.paramArgs() : List.of(), plan, limit, threshold,
                allocThreshold, alpha, tolerance, forks, dir, err);
        SequentialReport report = check.run();
        int code = switch (report.verdict()) {
            case REGRESSION -> REGRESSION;
            case UNSTABLE -> unstableIsWarning ? NO_REGRESSION : UNSTABLE;
            case INCONCLUSIVE, IMPROVEMENT, NO_CHANGE -> NO_REGRESSION;
        };
        report = report.withExitCode(code);
        publish(SequentialMarkdown.render(report), report, out);
        long inconclusive = report.cases().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
        if (inconclusive > 0) {
            err.println("[compare] warning: " + inconclusive + " case(s) INCONCLUSIVE: not decided within the budget"
                    + " (a longer --budget or a quieter machine would decide them)");
        }
        if (report.verdict() == Verdict.UNSTABLE && unstableIsWarning) {
            err.println("[compare] warning: the verdict is UNSTABLE (a ruler moved); exiting 0 because of --unstable-is-warning");
        }
        if (workDir == null) {
            deleteTree(dir);
        }
        return code;
    }

    private void publish(String md, Object report, PrintWriter out) {
        out.println(md);
        out.flush();
        if (markdown != null) {
            writeAtomically(markdown, md);
        }
        if (json != null) {
            try {
                writeAtomically(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (IOException e) {
                throw new BadInputException("--json " + json + ": cannot serialise the report (" + JmhResults.oneLine(e) + ")", e);
            }
        }
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            try {
                Files.writeString(Path.of(summary), md + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new BadInputException("GITHUB_STEP_SUMMARY=" + summary + " cannot be appended to (" + JmhResults.oneLine(e) + ")", e);
            }
        }
    }

    /** An output file that can be created or replaced: its folder exists, or can be made, and takes a new file. */
    private static void writable(String option, Path file) {
        if (file == null) {
            return;
        }
        if (file.toString().isBlank()) {
            throw new BadInputException(option + " is empty: name a file in a writable directory");
        }
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new BadInputException(option + " " + file + " is a directory: name a file");
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !Files.isDirectory(existing)) {
                throw new IOException(existing + " is not a directory");
            }
            Files.delete(Files.createTempFile(existing, ".dbbench-probe", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException(option + " " + file + " cannot be written (" + JmhResults.oneLine(e) + "): give a writable path", e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static double percent(String option, double value) {
        if (!(value >= 0 && value < 100)) {
            throw new BadInputException(option + " " + value + " must be a percentage from 0 to below 100, e.g. 5");
        }
        return value / 100;
    }

    /** Temporary sibling, then a move: a killed run never leaves half a file for the CI job to read. */
    static void writeAtomically(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new BadInputException(target + " cannot be written (" + JmhResults.oneLine(e) + "): give a writable path", e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Only temporary fork output is left behind; the comparison itself is complete and reported.
            System.err.println("[compare] could not remove " + dir + ": " + JmhResults.oneLine(e));
        }
    }
}
