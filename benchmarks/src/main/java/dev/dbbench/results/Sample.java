package dev.dbbench.results;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One measurement iteration: the sum of its observations and how many there were. An average-time or
 * throughput iteration is one observation (count 1); a sample-time iteration is its whole histogram,
 * so that the mean over samples equals JMH's own score in every mode, and its median can be told.
 *
 * @param histogram a sample-time iteration's values and how often each was seen; empty for one observation
 */
public record Sample(double total, long count, NavigableMap<Double, Long> histogram) {
    public Sample {
        if (count < 1) {
            throw new IllegalArgumentException("a sample needs at least one observation, got count=" + count);
        }
        histogram = Collections.unmodifiableNavigableMap(new TreeMap<>(histogram));
    }

    /** An iteration of {@code count} observations adding up to {@code total}, their spread unknown. */
    public Sample(double total, long count) {
        this(total, count, new TreeMap<>());
    }

    public static Sample of(double value) {
        return new Sample(value, 1);
    }

    /** A sample-time iteration from JMH's {@code [value, count]} pairs; null when it holds no sample. */
    static Sample ofHistogram(NavigableMap<Double, Long> histogram) {
        double total = 0;
        long count = 0;
        for (Map.Entry<Double, Long> e : histogram.entrySet()) {
            total += e.getKey() * e.getValue();
            count += e.getValue();
        }
        return count == 0 ? null : new Sample(total, count, histogram);
    }

    /** The middle observation (the lower one of two); the value itself for a single observation. */
    public double median() {
        return histogram.isEmpty() ? total / count : weightedMedian(histogram);
    }

    /** The median of a histogram: the first value at which half of the observations are reached. */
    public static double weightedMedian(NavigableMap<Double, Long> histogram) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        long seen = 0;
        for (Map.Entry<Double, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (2 * seen >= total) {
                return e.getKey();
            }
        }
        return histogram.isEmpty() ? Double.NaN : histogram.lastKey();
    }

    public Sample scaled(double factor) {
        TreeMap<Double, Long> scaled = new TreeMap<>();
        histogram.forEach((value, n) -> scaled.merge(value * factor, n, Long::sum));
        return new Sample(total * factor, count, scaled);
    }
}
