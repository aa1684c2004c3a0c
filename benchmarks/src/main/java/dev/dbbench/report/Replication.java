package dev.dbbench.report;

import dev.dbbench.results.Metric;

import java.util.List;

/**
 * How much data a metric rests on: its forks and the fewest and most measured iterations in any one of
 * them. A verdict needs {@link #MINIMUM_FORKS} forks of at least {@link #MINIMUM_ITERATIONS} iterations:
 * two forks are the fewest that show how far a second run can move (see {@link SpeedUp}), and three
 * iterations make a fork's mean more than a single shot and leave room to see a trend.
 */
public record Replication(int forks, int fewestIterations, int mostIterations) {
    public static final int MINIMUM_FORKS = SpeedUp.MINIMUM_FORKS;
    public static final int MINIMUM_ITERATIONS = 3;

    public static Replication of(Metric metric) {
        List<Integer> sizes = metric.forks().stream().map(List::size).toList();
        return new Replication(sizes.size(), sizes.stream().mapToInt(Integer::intValue).min().orElse(0),
                sizes.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** The smaller of two: what a comparison of both can rest on. */
    public Replication weakest(Replication other) {
        return new Replication(Math.min(forks, other.forks), Math.min(fewestIterations, other.fewestIterations),
                Math.min(mostIterations, other.mostIterations));
    }

    public boolean enoughForAVerdict() {
        return forks >= MINIMUM_FORKS && fewestIterations >= MINIMUM_ITERATIONS;
    }

    /** "1 fork × 3 iterations", "2 forks × 3-5 iterations". */
    @Override
    public String toString() {
        String iterations = fewestIterations == mostIterations ? String.valueOf(fewestIterations)
                : fewestIterations + "-" + mostIterations;
        return forks + (forks == 1 ? " fork" : " forks") + " × " + iterations
                + (mostIterations == 1 ? " iteration" : " iterations");
    }
}
