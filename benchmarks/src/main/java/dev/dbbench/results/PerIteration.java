package dev.dbbench.results;

import java.util.List;
import java.util.Set;

/**
 * A secondary metric as one iteration saw it. JMH adds up {@code @AuxCounters(EVENTS)} counters and the
 * gc profiler's {@code gc.count} and {@code gc.time} over all iterations (and forks), so its score for
 * "peakActive" of a pool of 4 measured three times is 12, and a 1,000,000-row read done twice shows
 * "rowsRead 2,000,000". Per iteration is what a reader means: a peak is the largest value any one
 * iteration saw, a count is the mean per iteration. Metrics JMH averages (allocation per operation,
 * throughput counters) are left as they are.
 *
 * @param value the figure to show
 * @param qualifier "max per iteration", "mean per iteration", or empty when JMH's own score is shown
 */
public record PerIteration(double value, String qualifier) {
    public static final String MAX = "max per iteration";
    public static final String MEAN = "mean per iteration";

    // The gc profiler's sums; its rates and per-operation figures are averages.
    private static final Set<String> SUMMED_PROFILER_METRICS = Set.of("gc.count", "gc.time");
    // JMH's unit for @AuxCounters(EVENTS).
    private static final String EVENTS_UNIT = "#";

    /**
     * @param label the metric's name ("peakActive", "gc.time")
     * @param unit its unit as JMH reports it
     * @param score JMH's score
     * @param iterations the metric's value in each measured iteration of every fork
     */
    public static PerIteration of(String label, String unit, double score, List<Double> iterations) {
        if (iterations.isEmpty() || !summed(label, unit, score, iterations)) {
            return new PerIteration(score, "");
        }
        if (isPeak(label)) {
            return new PerIteration(iterations.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), MAX);
        }
        return new PerIteration(iterations.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), MEAN);
    }

    /** A peak is a high-water mark: "peakActive", "maxWaiting". */
    static boolean isPeak(String label) {
        return label.startsWith("peak") || label.startsWith("max");
    }

    /** Whether JMH's score is the sum of the iterations rather than their mean. */
    static boolean summed(String label, String unit, double score, List<Double> iterations) {
        if (SUMMED_PROFILER_METRICS.contains(label) || EVENTS_UNIT.equals(unit)) {
            return true;
        }
        double sum = iterations.stream().mapToDouble(Double::doubleValue).sum();
        double mean = sum / iterations.size();
        return iterations.size() > 1 && close(score, sum) && !close(score, mean);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** "peakActive (max per iteration)"; the label alone when JMH's score is shown. */
    public String label(String metric) {
        return qualifier.isEmpty() ? metric : metric + " (" + qualifier + ")";
    }
}
