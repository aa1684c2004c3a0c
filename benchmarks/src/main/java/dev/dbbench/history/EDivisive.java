package dev.dbbench.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * E-Divisive with means (Matteson and James, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", JASA 2014), the change-point method of MongoDB's and Apache
 * Otava's (formerly Hunter) performance CI, for one series of scores in commit order. No maintained
 * Java implementation is on Maven Central (MongoDB's signal-processing-algorithms and Otava are
 * Python), so this is a small one, following the R package ecp's {@code e.divisive} with alpha = 1:
 *
 * <p>For a segment and a split at {@code t}, the divergence of the two sides is
 * {@code q(t) = m n / (m + n) * (2 E|X - Y| - E|X - X'| - E|Y - Y'|)} (m, n the sides' sizes). The
 * best split of every segment is found; the largest is kept when a permutation test says it is
 * significant (its q exceeded by at most {@code alpha} of random shuffles of the segment, with a
 * fixed seed so a second run gives the same answer); then the two new segments are searched again.
 */
public final class EDivisive {
    /**
     * Stricter than ecp's 0.05: a history tests every benchmark x parameters (over 200 series in a quick
     * run), and at 0.05 one in twenty unchanged series would get a step.
     */
    public static final double SIGNIFICANCE = 0.01;
    public static final int PERMUTATIONS = 199;
    /** Each side of a split holds at least this many points: fewer cannot be told from noise. */
    public static final int MIN_SIZE = 3;
    static final long SEED = 20141001L;

    /**
     * @param index the first point of the new level (a step between index - 1 and index)
     * @param pValue the permutation test's p-value
     */
    public record ChangePoint(int index, double q, double pValue) {}

    private EDivisive() {}

    /** The change points of {@code series}, by position. Empty when the series is shorter than twice {@link #MIN_SIZE}. */
    public static List<ChangePoint> changePoints(double[] series) {
        return changePoints(series, SIGNIFICANCE, PERMUTATIONS, MIN_SIZE, new Random(SEED));
    }

    static List<ChangePoint> changePoints(double[] series, double significance, int permutations, int minSize, Random random) {
        List<ChangePoint> found = new ArrayList<>();
        List<Integer> bounds = new ArrayList<>(List.of(0, series.length));
        while (true) {
            // The best split over all current segments.
            int bestStart = -1;
            int bestEnd = -1;
            Split best = null;
            for (int s = 0; s + 1 < bounds.size(); s++) {
                int start = bounds.get(s);
                int end = bounds.get(s + 1);
                Split split = bestSplit(series, start, end, minSize);
                if (split != null && (best == null || split.q > best.q)) {
                    best = split;
                    bestStart = start;
                    bestEnd = end;
                }
            }
            if (best == null) {
                return sorted(found);
            }
            double p = pValue(series, bestStart, bestEnd, best.q, permutations, minSize, random);
            if (p > significance) {
                return sorted(found);
            }
            found.add(new ChangePoint(best.index, best.q, p));
            bounds.add(best.index);
            bounds.sort(Integer::compare);
        }
    }

    record Split(int index, double q) {}

    /**
     * The split of series[start, end) with the largest divergence, each side at least minSize; null
     * when too short. The sums are updated as the split moves right, one point at a time, so a
     * segment of n points costs O(n^2), not O(n^3): the permutation test runs it hundreds of times.
     */
    static Split bestSplit(double[] x, int start, int end, int minSize) {
        if (end - start < 2 * minSize) {
            return null;
        }
        double left = 0;
        double right = 0;
        for (int i = start; i < end; i++) {
            for (int j = i + 1; j < end; j++) {
                right += Math.abs(x[i] - x[j]);
            }
        }
        double between = 0;
        Split best = null;
        for (int t = start + 1; t < end; t++) {
            // x[t - 1] moves from the right side to the left.
            int k = t - 1;
            double toLeft = 0;
            for (int i = start; i < k; i++) {
                toLeft += Math.abs(x[i] - x[k]);
            }
            double toRight = 0;
            for (int j = k + 1; j < end; j++) {
                toRight += Math.abs(x[k] - x[j]);
            }
            left += toLeft;
            right -= toRight;
            between += toRight - toLeft;
            int m = t - start;
            int n = end - t;
            if (m >= minSize && n >= minSize) {
                double q = q(m, n, between, left, right);
                if (best == null || q > best.q) {
                    best = new Split(t, q);
                }
            }
        }
        return best;
    }

    /** The scaled energy distance from the sums of distances between the sides and within each. */
    private static double q(int m, int n, double between, double left, double right) {
        double e = 2 * between / ((double) m * n) - mean(left, m) - mean(right, n);
        return (double) m * n / (m + n) * e;
    }

    private static double mean(double pairSum, int k) {
        return k < 2 ? 0 : pairSum / ((double) k * (k - 1) / 2);
    }

    /** The scaled energy distance between series[start, t) and series[t, end), directly (for tests). */
    static double q(double[] x, int start, int t, int end) {
        double between = 0;
        for (int i = start; i < t; i++) {
            for (int j = t; j < end; j++) {
                between += Math.abs(x[i] - x[j]);
            }
        }
        return q(t - start, end - t, between, pairs(x, start, t), pairs(x, t, end));
    }

    private static double pairs(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                sum += Math.abs(x[i] - x[j]);
            }
        }
        return sum;
    }

    /** How often a shuffle of the segment splits at least as well as the series does, (count + 1) / (permutations + 1). */
    private static double pValue(double[] series, int start, int end, double observed, int permutations, int minSize, Random random) {
        double[] segment = Arrays.copyOfRange(series, start, end);
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            shuffle(segment, random);
            Split split = bestSplit(segment, 0, segment.length, minSize);
            if (split != null && split.q >= observed) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    private static void shuffle(double[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<ChangePoint> sorted(List<ChangePoint> found) {
        return found.stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
    }
}
