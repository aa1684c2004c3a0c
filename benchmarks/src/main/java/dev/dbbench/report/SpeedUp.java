package dev.dbbench.report;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How many times faster a variant is than a baseline, with a 95% confidence interval that treats the
 * fork as the unit of evidence: a Welch t interval on the difference of the mean log fork means,
 * exponentiated. Each fork's mean (over all its iterations, weighted by their samples, as JMH's score
 * is) is one observation; iterations only make that observation more precise.
 *
 * <p>Why forks and not iterations: a fork's JIT decisions, code layout and heap layout stay fixed for
 * all its iterations, so iterations of one fork share an offset that a second run does not share (the
 * suite measured forks of one benchmark at 0.39x-1.75x of their median fork). An interval over pooled
 * iterations, or a bootstrap with one fork, leaves that out and is too narrow: two runs of the same jar
 * gave disjoint intervals for 15 of 37 speed-ups. Why a t interval and not the hierarchical bootstrap
 * the report used before: with the 2-3 forks a run can afford, resampling forks gives a handful of
 * distinct replicates and an interval narrower than nominal, while the t quantile with few degrees of
 * freedom widens the interval as it should. Why logarithms: speed-ups are ratios and fork effects
 * multiply, so the log scale makes the two sides additive and the interval symmetric in ratio terms.
 * Why Welch: the variant and the baseline need not vary alike from fork to fork. With a
 * {@link ForkSpread} each side's variance is moderated by what the class's other variants show (and
 * never brought below its own), which gives two-fork sides the degrees of freedom of the whole
 * class: the interval's width then no longer swings with the luck of two forks.
 *
 * <p>Faster means a lower time per operation or a higher throughput; the ratio is above 1 when the
 * variant is faster. With at least two forks on each side the ratio is the ratio of the geometric means
 * of the fork means (so it always lies inside its interval); otherwise it is the ratio of the means of all
 * iterations (JMH's scores) and there is no interval (NaN): one fork shows a figure, not how far a second run could move it.
 */
public record SpeedUp(double ratio, double low, double high) {
    static final double CONFIDENCE = 0.95;
    /** Forks each side needs before there is an interval: two is the fewest that show fork-to-fork spread. */
    static final int MINIMUM_FORKS = 2;

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** The speed-up of {@code variant} over {@code baseline}; both must be in the same unit. A plain Welch interval. */
    public static SpeedUp of(Metric baseline, Metric variant, boolean higherIsBetter) {
        return of(baseline, variant, higherIsBetter, ForkSpread.NONE);
    }

    /**
     * As {@link #of(Metric, Metric, boolean)}, with each side's fork-to-fork variance moderated by what the
     * class's other variants show ({@link ForkSpread}); the degrees of freedom of the Welch-Satterthwaite
     * formula are then those of the moderated variances.
     */
    public static SpeedUp of(Metric baseline, Metric variant, boolean higherIsBetter, ForkSpread spread) {
        double scoreRatio = ratio(pooledMean(baseline), pooledMean(variant), higherIsBetter);
        double[] b = logForkMeans(baseline.forks());
        double[] v = logForkMeans(variant.forks());
        if (b.length < MINIMUM_FORKS || v.length < MINIMUM_FORKS) {
            return new SpeedUp(scoreRatio, Double.NaN, Double.NaN);
        }
        double meanB = mean(b);
        double meanV = mean(v);
        // Faster is a smaller time, a larger throughput: the log speed-up is one mean minus the other.
        double logRatio = higherIsBetter ? meanV - meanB : meanB - meanV;
        double dfB = spread.degreesOfFreedom(b.length - 1);
        double dfV = spread.degreesOfFreedom(v.length - 1);
        double varB = spread.variance(variance(b, meanB), b.length - 1) / b.length;
        double varV = spread.variance(variance(v, meanV), v.length - 1) / v.length;
        double se = Math.sqrt(varB + varV);
        if (se == 0) {
            double r = Math.exp(logRatio);
            return new SpeedUp(r, r, r);
        }
        // Welch-Satterthwaite degrees of freedom; at least 1 whatever the variances.
        double df = (varB + varV) * (varB + varV) / (varB * varB / dfB + varV * varV / dfV);
        double t = new TDistribution(null, Math.max(1, df)).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new SpeedUp(Math.exp(logRatio), Math.exp(logRatio - t * se), Math.exp(logRatio + t * se));
    }

    /**
     * The mean of every observation: JMH's score for a primary metric in every mode, and the mean per
     * iteration for a secondary metric JMH sums over iterations (gc.time, counters), whose score would make
     * the ratio depend on how many iterations each side ran. JMH's score when there is no raw data.
     */
    private static double pooledMean(Metric metric) {
        double total = 0;
        long count = 0;
        for (List<Sample> fork : metric.forks()) {
            for (Sample s : fork) {
                total += s.total();
                count += s.count();
            }
        }
        return count == 0 ? metric.score() : total / count;
    }

    /** The log of each fork's mean; NaN-free or empty (a non-positive mean has no log ratio). */
    static double[] logForkMeans(List<List<Sample>> forks) {
        double[] logs = new double[forks.size()];
        for (int f = 0; f < forks.size(); f++) {
            double total = 0;
            long count = 0;
            for (Sample s : forks.get(f)) {
                total += s.total();
                count += s.count();
            }
            double mean = total / count;
            if (!(mean > 0) || Double.isInfinite(mean)) {
                return new double[0];
            }
            logs[f] = Math.log(mean);
        }
        return logs;
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    static double variance(double[] xs, double mean) {
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (xs.length - 1);
    }

    private static double ratio(double baseline, double variant, boolean higherIsBetter) {
        return higherIsBetter ? variant / baseline : baseline / variant;
    }
}
