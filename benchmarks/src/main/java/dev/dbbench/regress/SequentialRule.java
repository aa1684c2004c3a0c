package dev.dbbench.regress;

import java.util.Arrays;
import java.util.Locale;

/**
 * The decision rule of the sequential check, valid however often it looks. After every look a case
 * is REGRESSION (or IMPROVEMENT) when its alarm bound excludes "no change" and its estimate is beyond
 * the threshold, NO_CHANGE when both equivalence bounds lie inside plus or minus the threshold, and
 * otherwise undecided: it gets more pairs, until the last planned look or the budget, and is then
 * INCONCLUSIVE.
 *
 * <p>Why the error rates survive the stopping rule: looking after every few pairs and stopping when a
 * bound crosses gives the noise many chances, so bounds of a fixed-sample level would raise false
 * alarms well above that level ({@code SequentialRuleTest} shows 3x at five looks). The rule splits
 * the error rate over the looks planned in advance (Bonferroni over looks: the simplest
 * alpha-spending function, spending alpha / K at each of K looks; the alarm spends nothing at the
 * early looks where no exact test could reach its level, see {@link Plan}). By the union bound, the chance that
 * any look's bound misses the true median slowdown is at most the sum over looks, whatever rule picks
 * the look at which to stop. The alarm bounds are also split over the hypotheses (every case and
 * metric compared; a weighted Bonferroni: time gets {@link #TIME_SHARE} of alpha, allocation the
 * rest), so the whole check's false-alarm rate is at most {@code alpha}. The
 * equivalence bounds (NO_CHANGE) are split over looks only: a wrong NO_CHANGE for one benchmark that
 * really changed by more than the threshold has probability at most {@code alpha} for that benchmark.
 * Stopping before the last look (budget spent, or everything decided) only leaves error rate unspent.
 *
 * <p>A bound is the wider of the bootstrap's percentile bound of the median over pairs and the
 * distribution-free order-statistic bound (exact whenever base and head forks are exchangeable, which
 * interleaving makes them under no change), as in {@link PairedStatistics}.
 */
public final class SequentialRule {
    /**
     * Looks at {@code first}, {@code first + every}, ... pairs: {@code looks} of them, fixed before the
     * first fork. The alarm's error rate is spent only at the looks from {@code alarmFrom} pairs on:
     * with fewer pairs no exact test can reach the split level (all of n pairs on one side has
     * probability 2^-n), so spending there would waste it.
     */
    public record Plan(int first, int every, int looks, int alarmFrom) {
        public Plan {
            if (first < RegressionCheck.MIN_PAIRS) {
                throw new BadInputException("--pairs " + first + " (the first look of the sequential check) is too early: give at least "
                        + RegressionCheck.MIN_PAIRS);
            }
            if (every < 1 || looks < 1) {
                throw new BadInputException("looks every " + every + " pairs, " + looks + " looks: give at least 1 of each");
            }
            if (alarmFrom > first + (looks - 1) * every) {
                throw new BadInputException("alarms from " + alarmFrom + " pairs is beyond the last look at "
                        + (first + (looks - 1) * every) + " pairs: nothing could ever be flagged");
            }
        }

        public int maxPairs() {
            return first + (looks - 1) * every;
        }

        /** Whether the check looks after {@code pairs} pairs. */
        public boolean isLook(int pairs) {
            return pairs >= first && pairs <= maxPairs() && (pairs - first) % every == 0;
        }

        /** Whether an alarm may be raised at this look. */
        public boolean isAlarmLook(int pairs) {
            return isLook(pairs) && pairs >= alarmFrom;
        }

        /** The looks at which alarm error rate is spent. */
        public int alarmLooks() {
            int n = 0;
            for (int p = first; p <= maxPairs(); p += every) {
                n += p >= alarmFrom ? 1 : 0;
            }
            return n;
        }

        public String describe() {
            return String.format(Locale.ROOT, "looks after %d, %d, ... %d pairs (%d looks; alarms possible at the %d looks from %d pairs on)",
                    first, first + every, maxPairs(), looks, alarmLooks(), alarmFrom);
        }
    }

    /** The state of one case after one look; {@code verdict} is null while undecided. */
    public record Look(int pairs, double estimate, double alarmLower, double alarmUpper, double equivalenceLower,
                       double equivalenceUpper, Verdict verdict) {}

    /**
     * The share of the alarm's alpha that goes to the time cases when allocation is gated too. Time
     * gets most: with 8 to 14 pairs in a budget, the time cases need every bit of level to be flaggable
     * at 10 pairs, while a real allocation change moves every pair alike and can wait for 12.
     */
    public static final double TIME_SHARE = 0.8;

    private SequentialRule() {}

    /** The one-sided level of each alarm bound at each alarm look. */
    public static double alarmLevel(double alpha, int alarmLooks, int hypotheses) {
        return alpha / ((double) Math.max(1, alarmLooks) * Math.max(1, hypotheses));
    }

    /** The one-sided level of each equivalence bound at each look. */
    public static double equivalenceLevel(double alpha, int looks) {
        return alpha / looks;
    }

    /**
     * Decides one case at one look. {@code alarmLevel} 0 (a look before {@code alarmFrom}) can only
     * give NO_CHANGE or undecided.
     */
    public static Look look(double[] slowdowns, double threshold, double alarmLevel, double equivalenceLevel) {
        return look(slowdowns, threshold, alarmLevel, equivalenceLevel, PairedStatistics.RESAMPLES, PairedStatistics.SEED);
    }

    static Look look(double[] slowdowns, double threshold, double alarmLevel, double equivalenceLevel, int resamples, long seed) {
        double estimate = PairedStatistics.median(slowdowns);
        double[] medians = PairedStatistics.bootstrapMedians(slowdowns, resamples, seed);
        double[] sorted = slowdowns.clone();
        Arrays.sort(sorted);
        double[] alarm = bounds(sorted, medians, alarmLevel);
        double[] equivalence = bounds(sorted, medians, equivalenceLevel);
        Verdict verdict = null;
        if (alarm[0] > 1 && estimate > 1 + threshold) {
            verdict = Verdict.REGRESSION;
        } else if (alarm[1] < 1 && estimate < 1 / (1 + threshold)) {
            verdict = Verdict.IMPROVEMENT;
        } else if (equivalence[0] > 1 / (1 + threshold) && equivalence[1] < 1 + threshold) {
            verdict = Verdict.NO_CHANGE;
        }
        return new Look(slowdowns.length, estimate, alarm[0], alarm[1], equivalence[0], equivalence[1], verdict);
    }

    /** One-sided lower and upper bounds at {@code level} each: the wider of bootstrap and order statistic. */
    private static double[] bounds(double[] sorted, double[] bootstrapMedians, double level) {
        int k = PairedStatistics.orderStatisticRank(sorted.length, level);
        double lower = Math.min(PairedStatistics.quantile(bootstrapMedians, level), k == 0 ? 0 : sorted[k - 1]);
        double upper = Math.max(PairedStatistics.quantile(bootstrapMedians, 1 - level),
                k == 0 ? Double.POSITIVE_INFINITY : sorted[sorted.length - k]);
        return new double[] {lower, upper};
    }
}
