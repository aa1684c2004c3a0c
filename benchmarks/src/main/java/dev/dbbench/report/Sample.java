package dev.dbbench.report;

/**
 * One measurement iteration as the bootstrap sees it: the sum of its observations and how many there
 * were. An average-time or throughput iteration is one observation (count 1); a sample-time iteration
 * is its whole histogram, so that the mean over samples equals JMH's own score in every mode.
 */
public record Sample(double total, long count) {
    public Sample {
        if (count < 1) {
            throw new IllegalArgumentException("a sample needs at least one observation, got count=" + count);
        }
    }

    public static Sample of(double value) {
        return new Sample(value, 1);
    }

    Sample scaled(double factor) {
        return new Sample(total * factor, count);
    }
}
