package dev.dbbench.regress;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
            + " run by the sequential check within --budget: ci (ten database benchmarks on both databases). Its looks are fixed (--pairs does not apply); explicit -wi/-i/-w/-r override its iteration settings.")
    String preset;

    @Option(names = "--budget", paramLabel = "DURATION", description = "Run the sequential check: add interleaved pairs only for"
            + " undecided benchmarks until each is REGRESSION or NO_CHANGE or this much time is spent, e.g. 15m (default with --preset: 15m)."
            + " Without a preset, --pairs is the first look.")
    String budget;

    @Option(names = "--alloc-threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "Sequential check: smallest change of allocation per operation (gc.alloc.rate.norm) reported, in percent (default ${DEFAULT-VALUE}).")
    double allocThresholdPercent;

    @Option(names = "--schedule", paramLabel = "HOW", defaultValue = "auto", description = "How a pair's two forks share the machine:"
            + " duet (both at once, each pinned to a CPU of its own with taskset, swapped every pair), interleaved (one after the other,"
            + " A B then B A), or auto (default): a duet for the sequential check where taskset and two CPUs are available, else interleaved.")
    String schedule;

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

    /**
     * One path for every mode: every input is checked first (one line, exit 3, nothing created), then
     * the forks run in a {@link WorkFolder} that is removed on every way out unless {@code --work-dir}
     * was given, then the report is published.
     */
    private int run(PrintWriter out, PrintWriter err) {
        boolean sequential = preset != null || budget != null;
        boolean jars = base != null || head != null;
        boolean files = baseline != null || current != null;
        if (sequential && files) {
            throw new BadInputException((preset != null ? "--preset" : "--budget") + " runs the interleaved check of two jars:"
                    + " give --base JAR --head JAR, not --baseline/--current");
        }
        if (jars == files) {
            throw new BadInputException("give either --base JAR --head JAR (interleaved check) or --baseline JSON --current JSON"
                    + " (advisory), not " + (jars ? "both" : "neither"));
        }
        double threshold = percent("--threshold", thresholdPercent);
        CheckOutputs outputs = CheckOutputs.checked(markdown, json, env);
        if (files) {
            if (baseline == null || current == null) {
                throw new BadInputException((baseline == null ? "--baseline" : "--current") + " is missing: the advisory comparison needs both files");
            }
            AdvisoryComparison.Report report = AdvisoryComparison.compare(baseline, current, threshold);
            outputs.publish(AdvisoryComparison.markdown(report), report, out);
            err.println("[compare] " + AdvisoryComparison.WARNING);
            return NO_REGRESSION;
        }
        if (base == null || head == null) {
            throw new BadInputException((base == null ? "--base" : "--head") + " is missing: the check runs two jars, --base JAR --head JAR");
        }
        Preset chosen = preset == null ? null : Preset.named(preset);
        if (chosen != null && !selection.isEmpty()) {
            throw new BadInputException("--preset " + chosen.name() + " chooses the benchmarks itself, but a selection was given too ("
                    + selection + "): give one or the other");
        }
        Duration limit = !sequential ? null : budget != null ? Preset.parseBudget(budget) : chosen.budget();
        double allocThreshold = percent("--alloc-threshold", allocThresholdPercent);
        double tolerance = percent("--ruler-tolerance", rulerTolerancePercent);
        // Without a preset: four looks every 2 pairs from --pairs on.
        SequentialRule.Plan plan = chosen != null ? chosen.plan() : sequential ? new SequentialRule.Plan(pairs, 2, 4, pairs) : null;
        RegressionCheck.checkSettings(plan != null ? plan.first() : pairs, threshold, alpha);
        ForkSettings forks = forkSettings(chosen, sequential);
        DbbenchJar baseJar = DbbenchJar.open(base, "--base");
        DbbenchJar headJar = DbbenchJar.open(head, "--head");
        List<String> chosenSelection = chosen != null ? chosen.selection() : selection;
        baseJar.sameSelection(headJar, chosenSelection);

        Verdict verdict;
        long inconclusive;
        try (WorkFolder work = WorkFolder.open(workDir)) {
            if (sequential) {
                SequentialReport report = new SequentialCheck(baseJar, headJar, chosenSelection, chosen, plan, limit, threshold,
                        allocThreshold, alpha, tolerance, forks, work, err).run();
                verdict = report.verdict();
                report = report.withExitCode(exitCode(verdict));
                outputs.publish(SequentialMarkdown.render(report), report, out);
                inconclusive = report.cases().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
            } else {
                CheckReport report = new RegressionCheck(baseJar, headJar, selection, pairs, threshold, alpha, tolerance, forks, work, err).run();
                verdict = report.verdict();
                report = report.withExitCode(exitCode(verdict));
                outputs.publish(Markdown.render(report), report, out);
                inconclusive = report.benchmarks().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
            }
        }
        if (inconclusive > 0) {
            err.println("[compare] warning: " + inconclusive + (sequential
                    ? " case(s) INCONCLUSIVE: not decided within the budget (a longer --budget or a quieter machine would decide them)"
                    : " benchmark(s) INCONCLUSIVE: too noisy to tell a " + Markdown.percent(1 + threshold).replace("+", "")
                    + " change from none; more --pairs, longer -r or a quieter machine would tell"));
        }
        if (verdict == Verdict.UNSTABLE && unstableIsWarning) {
            err.println("[compare] warning: the verdict is UNSTABLE (a ruler moved); exiting 0 because of --unstable-is-warning");
        }
        return exitCode(verdict);
    }

    /**
     * The forks' settings: a preset's iteration settings unless -wi/-i/-w/-r were given explicitly. The
     * fixed-pairs check keeps the interleaved schedule under {@code auto}: its re-run rule and trials
     * were measured with it.
     */
    private ForkSettings forkSettings(Preset chosen, boolean sequential) {
        PairSchedule pairs = !sequential && "auto".equals(schedule) ? PairSchedule.interleaved() : PairSchedule.detect(schedule);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean own = chosen == null;
        return new ForkSettings(ForkSettings.currentJava(), jvmArgs,
                own || parsed.hasMatchedOption("-wi") ? warmupIterations : chosen.warmupIterations(),
                own || parsed.hasMatchedOption("-i") ? iterations : chosen.iterations(),
                own || parsed.hasMatchedOption("-w") ? warmupTime : chosen.warmupTime(),
                own || parsed.hasMatchedOption("-r") ? time : chosen.time(), pairs);
    }

    private int exitCode(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION -> REGRESSION;
            case UNSTABLE -> unstableIsWarning ? NO_REGRESSION : UNSTABLE;
            case INCONCLUSIVE, IMPROVEMENT, NO_CHANGE -> NO_REGRESSION;
        };
    }

    private static double percent(String option, double value) {
        if (!(value >= 0 && value < 100)) {
            throw new BadInputException(option + " " + value + " must be a percentage from 0 to below 100, e.g. 5");
        }
        return value / 100;
    }
}
