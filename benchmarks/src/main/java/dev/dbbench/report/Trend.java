package dev.dbbench.report;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import java.util.List;
import java.util.Optional;

/**
 * Whether a variant's measured iterations still drift, i.e. it was measured before steady state (too
 * little warm-up) or while something built up (a growing table, a filling cache). The rule is simple
 * on purpose, so a reader can check it by eye: in some fork of at least {@link #MINIMUM_ITERATIONS}
 * iterations, the median of the second half of the iterations differs from the median of the first half
 * by more than {@link #PERCENT}% (with an odd count the middle iteration is left out). A rank test would
 * need more iterations than a quick run has to reach 1% significance; a 10% step between halves is
 * larger than the iteration-to-iteration noise of a settled benchmark on this machine.
 */
final class Trend {
    static final int PERCENT = 10;
    static final int MINIMUM_ITERATIONS = 4;

    private Trend() {}

    /** "first half 12.1, second half 9.8 (-19%)" for the fork that drifts most, if any drifts. */
    static Optional<String> of(Metric metric) {
        double worst = 0;
        String text = null;
        for (List<Sample> fork : metric.forks()) {
            int n = fork.size();
            if (n < MINIMUM_ITERATIONS) {
                continue;
            }
            double first = median(fork.subList(0, n / 2));
            double second = median(fork.subList(n - n / 2, n));
            double change = (second - first) / first;
            if (Math.abs(change) * 100 > PERCENT && Math.abs(change) > worst) {
                worst = Math.abs(change);
                text = "still trending: iteration medians " + Format.number(first) + " then " + Format.number(second)
                        + " " + metric.unit() + " (" + (change > 0 ? "+" : "") + Math.round(change * 100) + "%)";
            }
        }
        return Optional.ofNullable(text);
    }

    private static double median(List<Sample> samples) {
        double[] means = samples.stream().mapToDouble(s -> s.total() / s.count()).sorted().toArray();
        int n = means.length;
        return n % 2 == 1 ? means[n / 2] : (means[n / 2 - 1] + means[n / 2]) / 2;
    }
}
