package dev.dbbench.regress;

import dev.dbbench.regress.CheckReport.Case;
import dev.dbbench.regress.CheckReport.Pair;
import dev.dbbench.regress.CheckReport.Round;
import dev.dbbench.regress.CheckReport.Ruler;
import dev.dbbench.regress.JmhResults.Measured;
import dev.dbbench.regress.PairedStatistics.Decision;
import dev.dbbench.regress.PairedStatistics.Flag;
import dev.dbbench.report.ScoreUnit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The interleaved comparison of two jars on this machine. Round 1 runs {@code pairs} pairs of single
 * forks, alternating which jar goes first (A B, B A, A B, ...) so that a machine warming up or slowing
 * down over the run affects both builds alike. Every benchmark flagged in round 1 is run again with
 * fresh pairs and keeps its flag only when round 2 flags it the same way; a confirmed change next to a
 * ruler that moved in that round is UNSTABLE.
 */
public final class RegressionCheck {
    /** Below five pairs the bootstrap has too few distinct resamples to bound a median. */
    public static final int MIN_PAIRS = 5;

    private final DbbenchJar base;
    private final DbbenchJar head;
    private final List<String> selection;
    private final int pairs;
    private final double threshold;
    private final double alpha;
    private final double rulerTolerance;
    private final ForkSettings forks;
    private final ForkRunner runner;
    private final PrintWriter progress;

    public RegressionCheck(DbbenchJar base, DbbenchJar head, List<String> selection, int pairs, double threshold, double alpha,
                           double rulerTolerance, ForkSettings forks, WorkFolder work, PrintWriter progress) {
        checkSettings(pairs, threshold, alpha);
        this.base = base;
        this.head = head;
        this.selection = List.copyOf(selection);
        this.pairs = pairs;
        this.threshold = threshold;
        this.alpha = alpha;
        this.rulerTolerance = rulerTolerance;
        this.forks = forks;
        this.runner = new ForkRunner(forks, work, progress);
        this.progress = progress;
    }

    /** The statistical settings, checked before anything is made or run. */
    static void checkSettings(int pairs, double threshold, double alpha) {
        if (pairs < MIN_PAIRS) {
            throw new BadInputException("--pairs " + pairs + " is too few: give at least " + MIN_PAIRS
                    + " (the default 10 detects a 10% slowdown reliably)");
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new BadInputException("--threshold " + threshold * 100 + " must be a percentage from 0 to 100, e.g. 5");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new BadInputException("--alpha " + alpha + " must be between 0 and 0.5, e.g. 0.05");
        }
    }

    public CheckReport run() {
        Instant started = Instant.now();
        SortedSet<String> names = base.sameSelection(head, selection);
        progress.printf(Locale.ROOT, "[compare] %d benchmark(s) + %d rulers, %d pairs of forks; planned about %.0f min"
                        + " (more if a benchmark is flagged and re-run)%n",
                names.size(), DbbenchJar.RULERS.size(), pairs,
                2 * pairs * forks.plannedSeconds(names.size() + DbbenchJar.RULERS.size()) / 60);
        progress.flush();

        Measurements first = runPairs(names);
        Map<BenchmarkKey, Round> firstRounds = decide(first, first.compared().keySet());
        List<Ruler> rulers = new ArrayList<>(rulers(first, 1));
        List<String> notes = new ArrayList<>();
        int cases = firstRounds.size();
        if (PairedStatistics.smallestAttainableP(pairs) > alpha / cases) {
            int needed = (int) Math.ceil(Math.log(cases / alpha) / Math.log(2));
            notes.add(String.format(Locale.ROOT, "With %d cases compared, %d pairs cannot reach the Holm-corrected level"
                    + " %.4f even when every pair agrees: only a change in a few cases can be flagged. Use --pairs %d or a"
                    + " narrower selection.", cases, pairs, alpha / cases, needed));
            progress.println("[compare] warning: " + notes.get(0));
        }

        SortedSet<BenchmarkKey> flagged = new TreeSet<>();
        firstRounds.forEach((key, round) -> {
            if (round.decision().flag() != Flag.NONE) {
                flagged.add(key);
            }
        });
        Map<BenchmarkKey, Round> reruns = Map.of();
        boolean rerunRulersMoved = false;
        if (!flagged.isEmpty()) {
            SortedSet<String> again = new TreeSet<>();
            flagged.forEach(k -> again.add(k.benchmark()));
            progress.printf(Locale.ROOT, "[compare] round 1 flagged %d case(s); re-running %s with %d fresh pairs to confirm%n",
                    flagged.size(), again, pairs);
            progress.flush();
            Measurements second = runPairs(again);
            reruns = decide(second, flagged);
            List<Ruler> secondRulers = rulers(second, 2);
            rulers.addAll(secondRulers);
            rerunRulersMoved = secondRulers.stream().anyMatch(Ruler::moved);
        }

        List<Case> results = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, Round> e : firstRounds.entrySet()) {
            BenchmarkKey key = e.getKey();
            Measured any = first.compared().get(key).get(0).base();
            boolean higher = ScoreUnit.higherIsBetter(any.unit(), key.mode());
            results.add(verdict(key, any.unit(), higher, e.getValue(), reruns.get(key), rerunRulersMoved));
        }
        boolean anyRulerMoved = rulers.stream().anyMatch(Ruler::moved);
        Verdict overall = overall(results, anyRulerMoved);
        if (anyRulerMoved && overall == Verdict.UNSTABLE) {
            notes.add("A ruler moved: the machine was not steady while base and head ran, so \"no change\" cannot be vouched"
                    + " for either. Re-run the check on a quieter machine (or with more --pairs).");
        }
        return new CheckReport("interleaved", base.path().toString(), head.path().toString(),
                new CheckReport.Parameters(pairs, threshold, alpha, rulerTolerance, PairedStatistics.RESAMPLES,
                        PairedStatistics.SEED, forks.forDisplay(), selection),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                overall, -1, results, rulers, notes);
    }

    private Case verdict(BenchmarkKey key, String unit, boolean higher, Round first, Round rerun, boolean rulersMoved) {
        Flag f1 = first.decision().flag();
        Decision d = first.decision();
        if (f1 == Flag.NONE && d.lower() < 1 / (1 + threshold) && d.upper() > 1 + threshold) {
            // Bounds that hold both a slowdown and a speed-up beyond the threshold cannot vouch for "no change";
            // nor do they show a change, so this is no alarm.
            return new Case(key, unit, higher, first, null, Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "bounds [%s, %s] too wide to tell a %.0f%% change from none: the forks were too noisy",
                    Markdown.percent(d.lower()), Markdown.percent(d.upper()), threshold * 100));
        }
        if (f1 == Flag.NONE) {
            return new Case(key, unit, higher, first, null, Verdict.NO_CHANGE, "");
        }
        Flag f2 = rerun.decision().flag();
        String seen = String.format(Locale.ROOT, "round 1: %s, re-run: %s", Markdown.change(first.decision().estimate()),
                Markdown.change(rerun.decision().estimate()));
        if (f2 != f1) {
            return new Case(key, unit, higher, first, rerun, Verdict.NO_CHANGE, "not confirmed by the re-run (" + seen + ")");
        }
        if (rulersMoved) {
            return new Case(key, unit, higher, first, rerun, Verdict.UNSTABLE,
                    "confirmed (" + seen + "), but a ruler moved in the re-run: the machine may have changed, not the code");
        }
        return new Case(key, unit, higher, first, rerun, f1 == Flag.SLOWER ? Verdict.REGRESSION : Verdict.IMPROVEMENT,
                "confirmed (" + seen + ")");
    }

    /**
     * The check's verdict: REGRESSION when any case is one; otherwise UNSTABLE when a case is, or when
     * any ruler moved, because a busy machine can hide a slowdown as easily as fake one; otherwise
     * INCONCLUSIVE when a case could not be told from noise, so a "no change" is never claimed for it.
     */
    static Verdict overall(List<Case> cases, boolean anyRulerMoved) {
        if (cases.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION)) {
            return Verdict.REGRESSION;
        }
        if (anyRulerMoved || cases.stream().anyMatch(c -> c.verdict() == Verdict.UNSTABLE)) {
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

    /** Per benchmark case, the base and head measurements of each pair, in pair order. */
    private record Measurements(SortedMap<BenchmarkKey, List<ForkPair>> compared, SortedMap<BenchmarkKey, List<ForkPair>> rulers) {}

    private record ForkPair(Measured base, Measured head) {
        Pair pair(boolean higherIsBetter) {
            double b = base.median();
            double h = head.median();
            // Slowdown above 1 means head is worse: more time per operation, or fewer operations per time.
            return new Pair(b, h, higherIsBetter ? b / h : h / b);
        }
    }

    private Measurements runPairs(SortedSet<String> names) {
        SortedSet<String> all = new TreeSet<>(names);
        all.addAll(DbbenchJar.RULERS);
        SortedMap<BenchmarkKey, List<ForkPair>> compared = new TreeMap<>();
        SortedMap<BenchmarkKey, List<ForkPair>> rulers = new TreeMap<>();
        for (int i = 0; i < pairs; i++) {
            ForkRunner.Pair pair = runner.pair(base, head, all, i);
            SortedMap<BenchmarkKey, Measured> a = pair.base();
            SortedMap<BenchmarkKey, Measured> b = pair.head();
            for (Map.Entry<BenchmarkKey, Measured> e : a.entrySet()) {
                BenchmarkKey key = e.getKey();
                Measured h = b.get(key);
                if (!e.getValue().unit().equals(h.unit()) || !e.getValue().settings().equals(h.settings())) {
                    throw new BadInputException(key + " ran with different settings or units in base and head forks (base "
                            + e.getValue().settings() + ", head " + h.settings() + "): compare builds whose annotations agree");
                }
                (DbbenchJar.RULERS.contains(key.benchmark()) ? rulers : compared)
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(new ForkPair(e.getValue(), h));
            }
        }
        return new Measurements(compared, rulers);
    }

    private Map<BenchmarkKey, Round> decide(Measurements m, Set<BenchmarkKey> family) {
        List<BenchmarkKey> keys = new ArrayList<>(new TreeSet<>(family));
        List<List<Pair>> pairLists = new ArrayList<>();
        List<double[]> slowdowns = new ArrayList<>();
        for (BenchmarkKey key : keys) {
            List<ForkPair> forks = m.compared().get(key);
            if (forks == null) {
                throw new BadInputException("the re-run measured no " + key + ": its parameters changed between rounds");
            }
            boolean higher = ScoreUnit.higherIsBetter(forks.get(0).base().unit(), key.mode());
            List<Pair> p = forks.stream().map(f -> f.pair(higher)).toList();
            pairLists.add(p);
            slowdowns.add(p.stream().mapToDouble(Pair::slowdown).toArray());
        }
        List<Decision> decisions = PairedStatistics.decide(slowdowns, alpha, threshold);
        Map<BenchmarkKey, Round> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), new Round(pairLists.get(i), decisions.get(i)));
        }
        return out;
    }

    private List<Ruler> rulers(Measurements m, int round) {
        List<Ruler> out = new ArrayList<>();
        m.rulers().forEach((key, forks) -> {
            String unit = forks.get(0).base().unit();
            boolean higher = ScoreUnit.higherIsBetter(unit, key.mode());
            List<Pair> p = forks.stream().map(f -> f.pair(higher)).toList();
            double[] s = p.stream().mapToDouble(Pair::slowdown).toArray();
            out.add(new Ruler(key, unit, round, p, PairedStatistics.median(s), PairedStatistics.moved(s, rulerTolerance, alpha)));
        });
        return out;
    }
}
