package dev.dbbench.regress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Whether the sequential check can afford more pairs. A pair's time depends on the benchmarks its forks
 * run, and those only shrink (a look leaves the decided ones out), so the next pair is reckoned at the
 * slowest earlier pair that ran the same benchmarks or, right after a look left some out, at the largest
 * part of an earlier pair that the remaining benchmarks took (with the forks' start-up), from the moments
 * each benchmark began in its forks ({@link ForkLog}). Only when those moments are unknown is it the last
 * pair whole, which ran more. More pairs start only when all of them up to the plan's next look fit in what is
 * left of the budget: a pair that cannot reach a look decides nothing, it only makes the check longer.
 * The stop depends on time alone, never on the data, so the rule's error rates are untouched by it.
 */
final class PairBudget {
    private final double seconds;
    private final List<SortedSet<String>> runs = new ArrayList<>();
    private final List<Double> took = new ArrayList<>();
    private final List<ForkLog.Times> times = new ArrayList<>();

    PairBudget(Duration budget) {
        this.seconds = budget.toMillis() / 1e3;
    }

    /** A finished pair: the benchmarks its forks ran, its wall-clock seconds and where its forks' time went. */
    void ran(SortedSet<String> benchmarks, double pairSeconds, ForkLog.Times forkTimes) {
        runs.add(new TreeSet<>(benchmarks));
        took.add(pairSeconds);
        times.add(forkTimes);
    }

    /** What one more pair of {@code benchmarks} is reckoned to take; 0 before any pair ran. */
    double pairSeconds(SortedSet<String> benchmarks) {
        double same = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).equals(benchmarks)) {
                same = Math.max(same, took.get(i));
            }
        }
        if (same >= 0 || took.isEmpty()) {
            return Math.max(same, 0);
        }
        double part = -1;
        for (int i = 0; i < runs.size(); i++) {
            double share = times.get(i).share(benchmarks);
            if (runs.get(i).containsAll(benchmarks) && share > 0) {
                part = Math.max(part, took.get(i) * share);
            }
        }
        return part >= 0 ? part : took.get(took.size() - 1);
    }

    /** Whether {@code pairs} more pairs of {@code benchmarks} fit after {@code elapsed} seconds; the first pair always does. */
    boolean affords(double elapsed, int pairs, SortedSet<String> benchmarks) {
        return took.isEmpty() || elapsed + pairs * pairSeconds(benchmarks) <= seconds;
    }
}
