package dev.dbbench.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The statistics of the interleaved comparison. Input per benchmark: one <em>slowdown</em> per pair of
 * forks, {@code head / base} of the forks' medians for a time per operation and {@code base / head}
 * for a throughput, so that above 1 always means "head is slower". The estimate is the median
 * slowdown over pairs; its uncertainty comes from a bootstrap over pairs (the pair is the unit that
 * was repeated independently, so it is what gets resampled), with a fixed seed so the same data always
 * gives the same verdict. Each direction is tested one-sided, with Holm's step-down correction across
 * the benchmarks compared, so that comparing twenty benchmarks does not give twenty chances of a false
 * alarm.
 *
 * <p>The percentile bootstrap of a median of ten pairs has tails that are too light: with nine of ten
 * pairs above 1 it gives p = 0.002 where the exact probability under no change is 0.011, and over
 * twenty unchanged benchmarks that made 18% of simulated runs raise an alarm at a nominal 5%
 * ({@code PairedStatisticsTest}). So a benchmark's p-value is the larger of the bootstrap's and the
 * exact sign test's over the same pairs (which is exact whenever base and head forks are
 * exchangeable, as interleaving makes them under no change); the bounds reported are the bootstrap's.
 */
public final class PairedStatistics {
    public static final int RESAMPLES = 10_000;
    /** Fixed, so a verdict is reproducible from the pairs in the JSON output. */
    public static final long SEED = 20_240_611L;

    public enum Flag { SLOWER, FASTER, NONE }

    /**
     * The verdict of one benchmark. {@code lower}/{@code upper} are one-sided bounds of the median
     * slowdown at the Holm-adjusted level that applied to this benchmark ({@code level}), the wider of
     * the bootstrap's and the sign test's; the change is flagged when the bound on its side excludes 1
     * (Holm-adjusted p-value {@code <= alpha}) and the estimate is beyond the threshold.
     */
    public record Decision(double estimate, double lower, double upper, double level, double pAdjusted, Flag flag) {}

    private PairedStatistics() {}

    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        // Percentile's default estimator at 50 is the usual median: the middle value, or the mean of the two.
        return StatUtils.percentile(values, 50);
    }

    /** The sorted medians of {@code resamples} bootstrap resamples of {@code values}. */
    static double[] bootstrapMedians(double[] values, int resamples, long seed) {
        RandomGenerator random = new Well19937c(seed);
        int n = values.length;
        double[] draw = new double[n];
        double[] medians = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                draw[i] = values[random.nextInt(n)];
            }
            Arrays.sort(draw);
            medians[r] = (n % 2 == 1) ? draw[n / 2] : (draw[n / 2 - 1] + draw[n / 2]) / 2;
        }
        Arrays.sort(medians);
        return medians;
    }

    /**
     * Decides every benchmark of one family (the benchmarks compared in one round).
     *
     * @param slowdowns per benchmark, the slowdown of each pair
     * @param alpha     family-wise error rate per direction, e.g. 0.05
     * @param threshold the smallest change worth reporting, e.g. 0.05 for 5%; an improvement must be
     *                  below {@code 1 / (1 + threshold)}, the same distance on a log scale
     */
    public static List<Decision> decide(List<double[]> slowdowns, double alpha, double threshold) {
        return decide(slowdowns, alpha, threshold, RESAMPLES, SEED);
    }

    static List<Decision> decide(List<double[]> slowdowns, double alpha, double threshold, int resamples, long seed) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        int m = slowdowns.size();
        double[] estimate = new double[m];
        double[][] medians = new double[m][];
        double[] pSlower = new double[m];
        double[] pFaster = new double[m];
        for (int i = 0; i < m; i++) {
            double[] s = slowdowns.get(i);
            estimate[i] = median(s);
            medians[i] = bootstrapMedians(s, resamples, seed);
            // The +1s keep a p-value from being 0 with a finite number of resamples.
            pSlower[i] = Math.max((1.0 + countAtMost(medians[i], 1.0)) / (resamples + 1.0), signTest(s, true));
            pFaster[i] = Math.max((1.0 + countAtLeast(medians[i], 1.0)) / (resamples + 1.0), signTest(s, false));
        }
        Holm slower = Holm.of(pSlower, alpha);
        Holm faster = Holm.of(pFaster, alpha);
        List<Decision> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            boolean up = estimate[i] >= 1.0;
            Holm side = up ? slower : faster;
            double level = side.level[i];
            // The wider of the bootstrap's bounds and the sign test's order-statistic bounds, so that "the
            // interval excludes 1" and "both tests reject" say the same thing.
            double[] sorted = slowdowns.get(i).clone();
            Arrays.sort(sorted);
            int k = orderStatisticRank(sorted.length, level);
            double lower = Math.min(quantile(medians[i], level), k == 0 ? 0 : sorted[k - 1]);
            double upper = Math.max(quantile(medians[i], 1 - level), k == 0 ? Double.POSITIVE_INFINITY : sorted[sorted.length - k]);
            Flag flag = Flag.NONE;
            if (up && slower.adjusted[i] <= alpha && estimate[i] > 1 + threshold) {
                flag = Flag.SLOWER;
            } else if (!up && faster.adjusted[i] <= alpha && estimate[i] < 1 / (1 + threshold)) {
                flag = Flag.FASTER;
            }
            out.add(new Decision(estimate[i], lower, upper, level, side.adjusted[i], flag));
        }
        return out;
    }

    /**
     * The exact one-sided sign test of "the median slowdown is 1": the probability of at least this
     * many pairs on the {@code slower} side (or the faster side) if each pair were a fair coin. Ties
     * (exactly 1) say nothing about the direction and are left out.
     */
    static double signTest(double[] slowdowns, boolean slower) {
        int above = 0;
        int below = 0;
        for (double s : slowdowns) {
            if (s > 1) {
                above++;
            } else if (s < 1) {
                below++;
            }
        }
        int n = above + below;
        if (n == 0) {
            return 1.0;
        }
        return new BinomialTest().binomialTest(n, slower ? above : below, 0.5, AlternativeHypothesis.GREATER_THAN);
    }

    /**
     * The distribution-free one-sided bound of a median: with {@code n} values, the k-th smallest lies
     * above the true median with probability {@code P(Binomial(n, 1/2) <= k - 1)}; the largest k for
     * which that is at most {@code level} (0 when even the smallest value is not a bound at this level).
     */
    static int orderStatisticRank(int n, double level) {
        BinomialDistribution coin = new BinomialDistribution(null, n, 0.5);
        int k = 0;
        while (k < n && coin.cumulativeProbability(k) <= level) {
            k++;
        }
        return k;
    }

    /**
     * The smallest p-value {@code pairs} pairs can give (every pair on one side): with {@code m}
     * benchmarks compared, Holm needs it below {@code alpha / m}, or nothing can ever be flagged.
     */
    public static double smallestAttainableP(int pairs) {
        return Math.pow(0.5, pairs);
    }

    /**
     * A ruler moved when its median slowdown is beyond the tolerance in either direction and its pairs
     * lean that way more than chance allows (sign test at {@code alpha}): a systematic difference
     * between base and head forks that no code change explains. A ruler that is merely noisy (a
     * database round trip on a busy machine scatters both ways) has not moved; its noise shows in the
     * benchmarks' own wide bounds instead.
     */
    public static boolean moved(double[] slowdowns, double tolerance, double alpha) {
        double e = median(slowdowns);
        if (e > 1 + tolerance) {
            return signTest(slowdowns, true) <= alpha;
        }
        if (e < 1 / (1 + tolerance)) {
            return signTest(slowdowns, false) <= alpha;
        }
        return false;
    }

    private static int countAtMost(double[] sorted, double x) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= x) {
            n++;
        }
        return n;
    }

    private static int countAtLeast(double[] sorted, double x) {
        int n = 0;
        while (n < sorted.length && sorted[sorted.length - 1 - n] >= x) {
            n++;
        }
        return n;
    }

    /** The empirical quantile of sorted bootstrap values (the value below which a fraction q lies). */
    static double quantile(double[] sorted, double q) {
        int index = (int) Math.floor(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Holm's step-down procedure: the k-th smallest p-value is compared with alpha / (m - k + 1).
     * {@code adjusted} are Holm-adjusted p-values (reject when {@code <= alpha}); {@code level} is the
     * one-sided level that applied to each hypothesis, used for its reported bound.
     */
    private record Holm(double[] adjusted, double[] level) {
        static Holm of(double[] p, double alpha) {
            int m = p.length;
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
            double[] adjusted = new double[m];
            double[] level = new double[m];
            double running = 0;
            for (int k = 0; k < m; k++) {
                int i = order[k];
                running = Math.max(running, Math.min(1.0, (m - k) * p[i]));
                adjusted[i] = running;
                level[i] = alpha / (m - k);
            }
            return new Holm(adjusted, level);
        }
    }
}
