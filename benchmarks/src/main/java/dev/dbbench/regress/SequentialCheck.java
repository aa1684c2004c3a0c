package dev.dbbench.regress;

import dev.dbbench.regress.CheckReport.Pair;
import dev.dbbench.regress.CheckReport.Ruler;
import dev.dbbench.regress.JmhResults.Measured;
import dev.dbbench.regress.SequentialRule.Look;
import dev.dbbench.regress.SequentialRule.Plan;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sequential comparison of two jars within a time budget. Pairs of forks run as a duet or
 * interleaved (A B, B A, ...; {@link PairSchedule}); each fork's value per case is the mean of its
 * iterations after {@link SteadyState} dropped the pair's warm-up (both forks cut alike). At each look of the {@link Plan} every undecided case
 * is judged by {@link SequentialRule}: a decided case stops, and a benchmark all of whose cases (time
 * and allocation) are decided is left out of later forks, so the budget goes to the benchmarks still
 * in doubt. Pairs stop when every case is decided, at the plan's last look, or when the pairs up to
 * the next look would not fit in the budget ({@link PairBudget}); cases still undecided are then
 * INCONCLUSIVE. No re-run: the rule's error rates already hold over all looks, whatever the stopping.
 */
public final class SequentialCheck {
    static final String TIME = "time";
    static final String ALLOCATION = "allocation";

    private final DbbenchJar base;
    private final DbbenchJar head;
    private final List<String> selection;
    private final Preset preset;
    private final String presetName;
    private final List<String> jmhArgs;
    private final Plan plan;
    private final Duration budget;
    private final double threshold;
    private final double allocationThreshold;
    private final double alpha;
    private final double rulerTolerance;
    private final ForkSettings forks;
    private final ForkRunner runner;
    private final PrintWriter progress;

    /** With {@code preset} null for a selection of one's own: no parameters pinned, time and allocation gated for every benchmark. */
    public SequentialCheck(DbbenchJar base, DbbenchJar head, List<String> selection, Preset preset, Plan plan, Duration budget,
                           double threshold, double allocationThreshold, double alpha, double rulerTolerance, ForkSettings forks,
                           WorkFolder work, PrintWriter progress) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new BadInputException("--alpha " + alpha + " must be between 0 and 0.5, e.g. 0.05");
        }
        this.base = base;
        this.head = head;
        this.selection = List.copyOf(selection);
        this.preset = preset;
        this.presetName = preset == null ? null : preset.name();
        this.jmhArgs = preset == null ? List.of() : preset.paramArgs();
        this.plan = plan;
        this.budget = budget;
        this.threshold = threshold;
        this.allocationThreshold = allocationThreshold;
        this.alpha = alpha;
        this.rulerTolerance = rulerTolerance;
        this.forks = forks;
        // The gc profiler on in both jars alike: allocation per operation is gated too.
        this.runner = new ForkRunner(forks, work, progress, jmhArgs, true);
        this.progress = progress;
    }

    /** One case's running state. */
    private static final class State {
        final BenchmarkKey key;
        final String metric;
        final String unit;
        final Direction direction;
        final double threshold;
        final List<Pair> pairs = new ArrayList<>();
        final List<int[]> dropped = new ArrayList<>();
        final List<Look> looks = new ArrayList<>();
        Verdict verdict;
        int decidedAt;
        String note = "";

        State(BenchmarkKey key, String metric, String unit, Direction direction, double threshold) {
            this.key = key;
            this.metric = metric;
            this.unit = unit;
            this.direction = direction;
            this.threshold = threshold;
        }
    }

    public SequentialReport run() {
        Instant started = Instant.now();
        long start = System.nanoTime();
        SortedSet<String> names = base.sameSelection(head, selection);
        String injected = injectedSlowdown();
        progress.printf(Locale.ROOT, "[compare] sequential check of %d benchmark(s) + %d rulers within %d min; %s%n", names.size(),
                DbbenchJar.RULERS.size(), budget.toMinutes(), plan.describe());
        progress.println("[compare] pairs: " + forks.schedule().describe());
        if (!injected.isEmpty()) {
            progress.println("[compare] TEST-ONLY: " + injected);
        }
        progress.flush();

        Map<String, State> states = new LinkedHashMap<>();
        SortedMap<BenchmarkKey, List<Pair>> rulerPairs = new TreeMap<>();
        Map<BenchmarkKey, String> rulerUnits = new TreeMap<>();
        SortedSet<String> undecided = new TreeSet<>(names);
        List<String> notes = new ArrayList<>();
        int hypotheses = -1;
        Map<String, Double> alarmAlpha = new LinkedHashMap<>();
        PairBudget pairBudget = new PairBudget(budget);
        boolean budgetRanOut = false;
        int n = 0;
        while (n < plan.maxPairs() && !undecided.isEmpty()) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            SortedSet<String> run = new TreeSet<>(undecided);
            run.addAll(DbbenchJar.RULERS);
            int toLook = plan.nextLook(n) - n;
            if (!pairBudget.affords(elapsed, toLook, run)) {
                budgetRanOut = true;
                progress.printf(Locale.ROOT, "[compare] budget: the look after %d pairs needs %d more pair(s), about %.1f min, and %.1f min"
                        + " are left: no more pairs%n", n + toLook, toLook, toLook * pairBudget.pairSeconds(run) / 60,
                        (budget.toSeconds() - elapsed) / 60);
                break;
            }
            long pairStart = System.nanoTime();
            ForkRunner.Pair pair = runner.pair(base, head, run, n);
            SortedMap<BenchmarkKey, Measured> a = pair.base();
            SortedMap<BenchmarkKey, Measured> b = pair.head();
            n++;
            pairBudget.ran(run, (System.nanoTime() - pairStart) / 1e9, pair.times());
            for (Map.Entry<BenchmarkKey, Measured> e : a.entrySet()) {
                record(e.getKey(), e.getValue(), b.get(e.getKey()), states, rulerPairs);
                rulerUnits.putIfAbsent(e.getKey(), e.getValue().unit());
            }
            if (hypotheses < 0) {
                // Fixed after the first pair, before any look: what the jars measure, not what the data say.
                hypotheses = (int) states.values().stream().filter(s -> s.direction != null).count();
                int time = (int) states.values().stream().filter(s -> s.direction != null && s.metric.equals(TIME)).count();
                double timeShare = hypotheses == time ? 1 : SequentialRule.TIME_SHARE;
                alarmAlpha.put(TIME, SequentialRule.hypothesisAlpha(alpha * timeShare, time));
                alarmAlpha.put(ALLOCATION, SequentialRule.hypothesisAlpha(alpha * (1 - timeShare), hypotheses - time));
            }
            if (plan.isLook(n)) {
                for (State s : states.values()) {
                    if (s.verdict == null && s.direction != null && s.pairs.size() == n) {
                        Look look = SequentialRule.look(slowdowns(s), s.threshold, plan.alarmLevel(alarmAlpha.get(s.metric), n),
                                plan.equivalenceLevel(alpha, n));
                        s.looks.add(look);
                        if (look.verdict() != null) {
                            s.verdict = look.verdict();
                            s.decidedAt = n;
                        }
                    }
                }
                undecided.removeIf(name -> states.values().stream()
                        .filter(s -> s.key.benchmark().equals(name) && s.direction != null)
                        .allMatch(s -> s.verdict != null));
                progress.printf(Locale.ROOT, "[compare] look after %d pairs (%.1f min): %d benchmark(s) still undecided%n", n,
                        (System.nanoTime() - start) / 60e9, undecided.size());
                progress.flush();
            }
        }

        List<SequentialReport.Case> cases = new ArrayList<>();
        for (State s : states.values()) {
            if (s.direction == null) {
                // Never shown as a verdict: "no change" would claim what was not tested.
                notes.add(s.key.label() + " " + s.metric + ": its unit " + s.unit + " says neither lower nor higher is better,"
                        + " so it was not gated");
                continue;
            }
            if (s.verdict == null) {
                s.verdict = Verdict.INCONCLUSIVE;
                Look last = s.looks.isEmpty() ? null : s.looks.get(s.looks.size() - 1);
                s.note = (budgetRanOut ? "budget spent" : "last planned look reached") + " before the bounds decided"
                        + (last == null ? " (no look yet)" : String.format(Locale.ROOT, " (after %d pairs: %s, bounds [%s, %s])",
                        last.pairs(), Markdown.change(last.estimate()), Markdown.percent(last.equivalenceLower()),
                        Markdown.percent(last.equivalenceUpper())));
            }
            cases.add(new SequentialReport.Case(s.key, s.metric, s.unit, s.direction != null && s.direction.higherIsBetter(),
                    s.threshold, List.copyOf(s.pairs), List.copyOf(s.dropped), List.copyOf(s.looks), s.verdict, s.decidedAt, s.note));
        }
        List<Ruler> rulers = new ArrayList<>();
        rulerPairs.forEach((key, pairs) -> {
            double[] s = pairs.stream().mapToDouble(Pair::slowdown).toArray();
            rulers.add(new Ruler(key, rulerUnits.get(key), 1, pairs, PairedStatistics.median(s), PairedStatistics.moved(s, rulerTolerance, alpha)));
        });
        boolean anyRulerMoved = rulers.stream().anyMatch(Ruler::moved);
        Verdict overall = overall(cases, anyRulerMoved);
        if (anyRulerMoved) {
            notes.add("A ruler moved: the machine was not steady while base and head ran, so \"no change\" cannot be vouched for."
                    + " Re-run the check on a quieter machine.");
        }
        if (preset != null && !preset.allocationOnly().isEmpty()) {
            notes.add("Time not gated, allocation per operation only, for " + preset.allocationOnly().stream()
                    .map(b -> b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1)).toList() + ": "
                    + preset.allocationOnlyReason() + ".");
        }
        if (!injected.isEmpty()) {
            notes.add("TEST-ONLY: " + injected + ". This check measures the check itself, not a change of code.");
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        SequentialReport.Parameters parameters = new SequentialReport.Parameters(presetName, threshold, allocationThreshold, alpha,
                rulerTolerance, plan.describe(), Math.max(hypotheses, 0), alarmAlpha.getOrDefault(TIME, 0.0),
                alarmAlpha.getOrDefault(ALLOCATION, 0.0), alpha, budget.toSeconds(), SteadyState.RULE, forks.forDisplay(), selection, jmhArgs, true,
                injected);
        return new SequentialReport("sequential", base.path().toString(), head.path().toString(), parameters,
                started.truncatedTo(ChronoUnit.SECONDS).toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                minutes, n, budgetRanOut, overall, -1, cases, rulers, notes);
    }

    /** Adds one pair's values of one benchmark case (time, and allocation when the gc profiler gave it). */
    private void record(BenchmarkKey key, Measured a, Measured b, Map<String, State> states, SortedMap<BenchmarkKey, List<Pair>> rulers) {
        if (!a.unit().equals(b.unit()) || !a.settings().equals(b.settings())) {
            throw new BadInputException(key + " ran with different settings or units in base and head forks (base "
                    + a.settings() + ", head " + b.settings() + "): compare builds whose annotations agree");
        }
        if (DbbenchJar.RULERS.contains(key.benchmark())) {
            Direction d = Direction.of(a.unit());
            SteadyState.SettledPair settled = SteadyState.settle(array(a.iterations()), array(b.iterations()));
            rulers.computeIfAbsent(key, k -> new ArrayList<>()).add(pair(settled.base().value(), settled.head().value(),
                    d != null && d.higherIsBetter()));
            return;
        }
        if (preset == null || preset.gatesTime(key.benchmark())) {
            add(states, key, TIME, a.unit(), threshold, a.iterations(), b.iterations());
        }
        if (a.allocation() != null && b.allocation() != null) {
            add(states, key, ALLOCATION, a.allocation().unit(), allocationThreshold, a.allocation().values(), b.allocation().values());
        }
    }

    private static void add(Map<String, State> states, BenchmarkKey key, String metric, String unit, double threshold,
                            List<Double> base, List<Double> head) {
        State s = states.computeIfAbsent(key + " " + metric, k -> new State(key, metric, unit, Direction.of(unit), threshold));
        if (s.verdict != null) {
            // Decided: later pairs (run for the benchmark's other metric) do not reopen it.
            return;
        }
        SteadyState.SettledPair settled = SteadyState.settle(array(base), array(head));
        double a = settled.base().value();
        double b = settled.head().value();
        if (metric.equals(ALLOCATION)) {
            // Bytes plus one: a benchmark that allocates nothing (JMH reports fractions of a byte of TLAB noise)
            // compares as 1, not as 0/0 or a wild ratio of two specks; for any real allocation the byte is lost in the rounding.
            a += 1;
            b += 1;
        }
        s.pairs.add(pair(a, b, s.direction != null && s.direction.higherIsBetter()));
        s.dropped.add(new int[] {settled.dropped(), settled.dropped()});
    }

    private static Pair pair(double b, double h, boolean higherIsBetter) {
        // Above 1 means head is worse: more time or bytes per operation, or fewer operations per time.
        return new Pair(b, h, higherIsBetter ? b / h : h / b);
    }

    private static double[] slowdowns(State s) {
        return s.pairs.stream().mapToDouble(Pair::slowdown).toArray();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * REGRESSION when any case is one; else UNSTABLE when a ruler moved; else INCONCLUSIVE when a case
     * could not be decided; else IMPROVEMENT when one is; else NO_CHANGE.
     */
    static Verdict overall(List<SequentialReport.Case> cases, boolean anyRulerMoved) {
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION)) {
            return Verdict.REGRESSION;
        }
        if (anyRulerMoved) {
            return Verdict.UNSTABLE;
        }
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE)) {
            return Verdict.INCONCLUSIVE;
        }
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.IMPROVEMENT)) {
            return Verdict.IMPROVEMENT;
        }
        return Verdict.NO_CHANGE;
    }

    /** Which jar carries the test-only slowdown, and how much; empty when neither does (every normal run). */
    private String injectedSlowdown() {
        List<String> found = new ArrayList<>();
        for (DbbenchJar jar : List.of(base, head)) {
            String fraction = jar.injectedFraction();
            if (fraction != null) {
                found.add((jar == base ? "base" : "head") + " jar " + jar.path() + " carries an injected slowdown of "
                        + fraction + " of each call's own time in " + Preset.INJECTION_TARGET);
            }
        }
        return String.join("; ", found);
    }
}
