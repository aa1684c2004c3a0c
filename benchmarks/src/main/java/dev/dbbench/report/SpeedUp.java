package dev.dbbench.report;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How many times faster a variant is than a baseline, with a 95% confidence interval computed from the
 * raw data by a hierarchical percentile bootstrap: each replicate resamples forks with replacement, then
 * iterations within each drawn fork, for baseline and variant independently, and takes the ratio of the
 * two resampled means. Resampling forks first keeps the fork-to-fork variation (JIT and layout luck)
 * that JMH's per-iteration error bars ignore; with one fork it is a plain bootstrap over iterations.
 * The seed is fixed, so a report rendered twice from the same JSON shows the same intervals.
 *
 * <p>Faster means a lower time per operation or a higher throughput; the ratio is above 1 when the
 * variant is faster. The interval is NaN when either side has fewer than two iterations.
 */
public record SpeedUp(double ratio, double low, double high) {
    static final int REPLICATES = 10_000;
    static final long SEED = 20_240_611L;
    static final double CONFIDENCE = 0.95;

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** The speed-up of {@code variant} over {@code baseline}; both must be in the same unit. */
    public static SpeedUp of(Metric baseline, Metric variant, boolean higherIsBetter) {
        double ratio = ratio(baseline.score(), variant.score(), higherIsBetter);
        if (baseline.iterations() < 2 || variant.iterations() < 2) {
            return new SpeedUp(ratio, Double.NaN, Double.NaN);
        }
        RandomGenerator random = new Well19937c(SEED);
        double[] ratios = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            double b = resampledMean(baseline.forks(), random);
            double v = resampledMean(variant.forks(), random);
            ratios[r] = ratio(b, v, higherIsBetter);
        }
        // R-7 is the usual sample-quantile definition (R's and NumPy's default).
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(ratios);
        double tail = (1 - CONFIDENCE) / 2 * 100;
        return new SpeedUp(ratio, percentile.evaluate(tail), percentile.evaluate(100 - tail));
    }

    private static double ratio(double baseline, double variant, boolean higherIsBetter) {
        return higherIsBetter ? variant / baseline : baseline / variant;
    }

    private static double resampledMean(List<List<Sample>> forks, RandomGenerator random) {
        double total = 0;
        long count = 0;
        int forkCount = forks.size();
        for (int f = 0; f < forkCount; f++) {
            List<Sample> fork = forks.get(random.nextInt(forkCount));
            int n = fork.size();
            for (int i = 0; i < n; i++) {
                Sample s = fork.get(random.nextInt(n));
                total += s.total();
                count += s.count();
            }
        }
        return total / count;
    }
}
