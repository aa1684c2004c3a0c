package dev.dbbench.regress;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The decision rule of the sequential check, valid however often it looks. After every look a case
 * is REGRESSION (or IMPROVEMENT) when its alarm bound excludes "no change" and its estimate is at
 * least the threshold away, NO_CHANGE when both equivalence bounds lie inside plus or minus the
 * threshold, and otherwise undecided: it gets more pairs, until the last planned look or the budget,
 * and is then INCONCLUSIVE.
 *
 * <p>The bounds: Student-t bounds on the mean of the pairs' log ratios (the estimate is their
 * geometric mean). An earlier rule took the wider of a bootstrap and an exact sign-test bound of the
 * median; with 10 to 14 pairs and the levels below, the sign test needs 13 of 14 pairs on one side,
 * which a true 10% slowdown reaches in well under 90% of checks at the fork scatter of database
 * benchmarks ({@code SequentialPowerTest} shows both rules). The t bound uses how far each pair lies,
 * not only its side. It assumes roughly normal log ratios; interleaving makes a pair's two forks
 * exchangeable under no change, so the log ratios are symmetric about 0, where the t bound is
 * conservative even for heavy tails; the simulations check it with Student-t(3) noise and disturbed
 * forks.
 *
 * <p>Why the error rates survive the stopping rule: looking after every few pairs and stopping when a
 * bound crosses gives the noise many chances, so bounds of a fixed-sample level would raise false
 * alarms well above that level ({@code SequentialPowerTest} shows it). Each hypothesis' alpha is spent
 * over the looks planned in advance by an O'Brien-Fleming-type spending function (Lan and DeMets 1983):
 * by the look with information fraction {@code t = pairs / last look's pairs}, at most
 * {@code 2 (1 - Phi(z(1 - alpha / 2) / sqrt(t)))} is spent, so early looks, with few pairs, spend
 * little and the last look keeps most of it. Each look's bound has the increment as its level; by the
 * union bound the chance that any look's bound misses the truth is at most alpha, whatever rule picks
 * the look at which to stop (the union bound ignores that the looks are correlated: a little
 * conservative). The alarm's alpha is split over the hypotheses too (every case and metric compared;
 * a weighted Bonferroni: time gets {@link #TIME_SHARE} of alpha, allocation the rest), so the whole
 * check's false-alarm rate is at most {@code alpha}. The equivalence bounds (NO_CHANGE) are spent over
 * looks only: a wrong NO_CHANGE for one benchmark that really changed by more than the threshold has
 * probability at most {@code alpha} for that benchmark. Stopping before the last look (budget spent,
 * or everything decided) only leaves error rate unspent.
 */
public final class SequentialRule {
    /**
     * Looks at {@code first}, {@code first + every}, ... pairs: {@code looks} of them, fixed before the
     * first fork. Alarms may be raised from {@code alarmFrom} pairs on; the first alarm look spends all
     * the alarm's alpha due by then, so starting later wastes none of it.
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

        /** The first look after {@code pairs} pairs: where the next pairs can decide something. */
        public int nextLook(int pairs) {
            if (pairs < first) {
                return first;
            }
            return Math.min(maxPairs(), first + ((pairs - first) / every + 1) * every);
        }

        /** Whether an alarm may be raised at this look. */
        public boolean isAlarmLook(int pairs) {
            return isLook(pairs) && pairs >= alarmFrom;
        }

        /**
         * The one-sided level of each alarm bound at the look after {@code pairs} pairs, for a
         * hypothesis with {@code alpha} to spend: 0 before the first alarm look and between looks.
         */
        public double alarmLevel(double alpha, int pairs) {
            if (!isAlarmLook(pairs)) {
                return 0;
            }
            int previous = pairs - every;
            return spent(alpha, pairs) - (isAlarmLook(previous) ? spent(alpha, previous) : 0);
        }

        /** The one-sided level of each equivalence bound at the look after {@code pairs} pairs. */
        public double equivalenceLevel(double alpha, int pairs) {
            if (!isLook(pairs)) {
                return 0;
            }
            return spent(alpha, pairs) - (isLook(pairs - every) ? spent(alpha, pairs - every) : 0);
        }

        /** The O'Brien-Fleming-type spending function of Lan and DeMets, at information fraction pairs / maxPairs. */
        double spent(double alpha, int pairs) {
            double fraction = Math.min(1, (double) pairs / maxPairs());
            double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
            return 2 * (1 - NORMAL.cumulativeProbability(z / Math.sqrt(fraction)));
        }

        public String describe() {
            return String.format(Locale.ROOT, "looks after %d, %d, ... %d pairs (%d looks; alarms possible from %d pairs on;"
                    + " alpha spent O'Brien-Fleming-style, most of it at the last look)", first, first + every, maxPairs(), looks, alarmFrom);
        }
    }

    /**
     * The state of one case after one look, with the levels its bounds were taken at; {@code verdict}
     * is null while undecided.
     */
    public record Look(int pairs, double estimate, double alarmLower, double alarmUpper, double equivalenceLower,
                       double equivalenceUpper, double alarmLevel, double equivalenceLevel, Verdict verdict) {}

    /**
     * The share of the alarm's alpha that goes to the time cases when allocation is gated too. Time
     * gets most: time scatters from fork to fork, while a real allocation change moves every pair
     * alike (allocation per operation is nearly deterministic), so a small level decides it all the same.
     */
    public static final double TIME_SHARE = 0.8;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private SequentialRule() {}

    /** The alpha of each alarm hypothesis: {@code alpha} (the metric's share) over its hypotheses. */
    public static double hypothesisAlpha(double alpha, int hypotheses) {
        return alpha / Math.max(1, hypotheses);
    }

    /**
     * Decides one case at one look from its pairs' slowdowns (head over base, above 1 worse). An
     * {@code alarmLevel} of 0 (not an alarm look) can only give NO_CHANGE or undecided.
     */
    public static Look look(double[] slowdowns, double threshold, double alarmLevel, double equivalenceLevel) {
        int n = slowdowns.length;
        if (n < 2) {
            throw new IllegalArgumentException("a look needs at least 2 pairs, got " + n);
        }
        double mean = 0;
        for (double s : slowdowns) {
            mean += Math.log(s);
        }
        mean /= n;
        double squares = 0;
        for (double s : slowdowns) {
            squares += (Math.log(s) - mean) * (Math.log(s) - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1) / n);
        TDistribution t = new TDistribution(null, n - 1);
        double[] alarm = bounds(mean, standardError, t, alarmLevel);
        double[] equivalence = bounds(mean, standardError, t, equivalenceLevel);
        double estimate = Math.exp(mean);
        Verdict verdict = null;
        if (alarmLevel > 0 && alarm[0] > 1 && estimate >= 1 + threshold) {
            verdict = Verdict.REGRESSION;
        } else if (alarmLevel > 0 && alarm[1] < 1 && estimate <= 1 / (1 + threshold)) {
            verdict = Verdict.IMPROVEMENT;
        } else if (equivalenceLevel > 0 && equivalence[0] > 1 / (1 + threshold) && equivalence[1] < 1 + threshold) {
            verdict = Verdict.NO_CHANGE;
        }
        return new Look(n, estimate, alarm[0], alarm[1], equivalence[0], equivalence[1], alarmLevel, equivalenceLevel, verdict);
    }

    /** One-sided lower and upper bounds of the geometric mean ratio at {@code level} each; level 0 bounds nothing. */
    private static double[] bounds(double mean, double standardError, TDistribution t, double level) {
        if (level <= 0) {
            return new double[] {0, Double.POSITIVE_INFINITY};
        }
        double half = t.inverseCumulativeProbability(1 - level) * standardError;
        return new double[] {Math.exp(mean - half), Math.exp(mean + half)};
    }
}
