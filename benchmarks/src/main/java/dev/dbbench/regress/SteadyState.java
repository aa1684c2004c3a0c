package dev.dbbench.regress;

import java.util.Arrays;

/**
 * Where a fork's iteration series has settled, found from the series itself: the MSER rule (White,
 * "An effective truncation heuristic for bias reduction in simulation output", Simulation 69(6),
 * 1997; MSER-5 in Hoad, Robinson and Davies 2010 is the same rule on means of five). It drops the
 * prefix {@code d} that minimises {@code sum over kept of (x - mean of kept)^2 / (n - d)^2}, the
 * squared standard error of the mean of what is kept: dropping a slow JIT warm-up lowers the spread
 * more than it costs in length, dropping steady iterations does not. No threshold to tune, and the
 * same rule for base and head, so neither fork's warm-up is judged differently from the other's.
 *
 * <p>Batches of one, not five: a check's fork has 10 to 20 iterations, and batching them into two to
 * four means leaves the rule nothing to choose between. As in MSER-5, the cut is searched only in the
 * first half: near the end the statistic rests on a handful of values and would drop good data.
 *
 * <p>A pair's two forks are cut alike, at the later of their two cuts, and each fork's value is the
 * mean of what is kept (the statistic MSER minimises the error of). Both since the seventh session,
 * from the duet trials' own iteration series (30 pairs of {@code PgStreamingBenchmark.streamFetch1000}
 * from five checks; docs/compare-trials.md, "The fork's value"): a streaming fork's one-second shots
 * sit in two levels, about 15-20% apart, for the first six to ten shots, so a cut made for each fork
 * alone compared one fork's slow shots with the other's fast ones, and the median of a series mixing
 * the two levels jumps between them. The scatter of the pairs' log ratios (within checks): 7.9% with
 * each fork's own cut and the median, 7.2% with the mean, 6.3% with the common cut and the mean; for
 * the HikariCP borrow 4.1%, 4.2% and 4.3%. Without any cut, streaming's would be 3.7%: its slow first
 * shots are slow in both forks alike; that is the price of dropping warm-up, which more warm-up shots
 * would lower.
 */
public final class SteadyState {
    /** The rule as it is printed in reports. */
    public static final String RULE = "MSER (White 1997) on each fork's iteration series: the prefix d <= n/2"
            + " that minimises the variance of the kept iterations over (n - d); both forks of a pair drop the larger of"
            + " their two prefixes, and each fork's value is the mean of its kept iterations";

    /** A fork's series after the rule: how many leading iterations were dropped, how many kept, and their mean. */
    public record Settled(int dropped, int kept, double value) {}

    /** A pair's two series after the rule: each cut at {@code dropped}, the later of their own two cuts. */
    public record SettledPair(int dropped, Settled base, Settled head) {}

    private SteadyState() {}

    /** The number of leading iterations MSER drops from {@code series} (0 for fewer than 4 values). */
    public static int truncation(double[] series) {
        int n = series.length;
        if (n < 4) {
            return 0;
        }
        // Suffix sums, so every candidate cut costs O(1).
        double[] sum = new double[n + 1];
        double[] squares = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            sum[i] = sum[i + 1] + series[i];
            squares[i] = squares[i + 1] + series[i] * series[i];
        }
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int d = 0; d <= n / 2; d++) {
            int k = n - d;
            double mean = sum[d] / k;
            double sse = Math.max(0, squares[d] - k * mean * mean);
            double value = sse / ((double) k * k);
            // Strictly smaller: among equal values the shortest cut, so a flat series keeps everything.
            if (value < bestValue * (1 - 1e-12)) {
                bestValue = value;
                best = d;
            }
        }
        return best;
    }

    /** One series alone: its own cut, and the mean of the rest. */
    public static Settled settle(double[] series) {
        check(series);
        return keep(series, truncation(series));
    }

    /**
     * A pair of forks: both drop the longer of the two warm-ups MSER finds, so that base and head are
     * compared over the same iterations of their forks, never one fork's slow start with the other's
     * settled end.
     */
    public static SettledPair settle(double[] base, double[] head) {
        check(base);
        check(head);
        int d = Math.min(Math.max(truncation(base), truncation(head)), Math.min(base.length, head.length) / 2);
        return new SettledPair(d, keep(base, d), keep(head, d));
    }

    private static void check(double[] series) {
        if (series.length == 0) {
            throw new IllegalArgumentException("a fork with no iterations has no steady state");
        }
    }

    private static Settled keep(double[] series, int d) {
        double[] kept = Arrays.copyOfRange(series, d, series.length);
        return new Settled(d, kept.length, Arrays.stream(kept).average().orElseThrow());
    }
}
