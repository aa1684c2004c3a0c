package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.SequentialRule.Look;
import dev.dbbench.regress.SequentialRule.Plan;
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The sequential rule's error rates on simulated checks with known answers, never timed. Each
 * simulated check runs the rule as {@link SequentialCheck} does: pairs are added, every undecided
 * case is looked at on the ci preset's looks with the levels the check uses, a decided case stops,
 * the rest go on to the last look. Fixed seeds: the rates asserted are exact for this code.
 *
 * <p>A fork's value is the true value times {@code exp(noise)}. The measured fork scatter of the
 * database benchmarks the preset keeps: {@code PgUserOrdersLoadBenchmark.inBatch}, the injected
 * benchmark, had six forks within 0.94x to 1.07x of their median fork (docs/compare-trials.md), a
 * standard deviation of about 5% per fork, so about 7% for the ratio of a pair. The simulations
 * use that, as normal noise and, for the error rates that must hold whatever the shape, as
 * Student-t(3) noise of the same scale with one fork in ten disturbed by a further 10 to 40%
 * (another process took a core).
 */
class SequentialPowerTest {
    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    private static final Plan PLAN = Preset.CI.plan();
    /** The ci preset's cases: its benchmarks, each with its allocation gated, and those whose time is gated. */
    private static final int BENCHMARKS = Preset.CI.benchmarks().size();
    private static final int TIMED = (int) Preset.CI.benchmarks().stream().filter(Preset.CI::gatesTime).count();
    /** The measured scatter of one fork of a settled database benchmark (standard deviation of its log). */
    private static final double MEASURED = 0.05;
    private static final double TIME_ALPHA = SequentialRule.hypothesisAlpha(ALPHA * SequentialRule.TIME_SHARE, TIMED);
    private static final double ALLOCATION_ALPHA = SequentialRule.hypothesisAlpha(ALPHA * (1 - SequentialRule.TIME_SHARE), BENCHMARKS);

    /** How forks scatter: normal or t(3) noise of a scale, and the share of forks disturbed. */
    private record Noise(double scale, boolean heavy, double disturbed) {
        double fork(RandomGenerator random, TDistribution t3) {
            double noise = scale * (heavy ? t3.inverseCumulativeProbability(random.nextDouble()) : random.nextGaussian());
            if (random.nextDouble() < disturbed) {
                noise += Math.log(1.1 + 0.3 * random.nextDouble());
            }
            return Math.exp(noise);
        }
    }

    /** The level of the alarm at the look after {@code n} pairs; a test may replace the spending. */
    private static java.util.function.BiFunction<Double, Integer, Double> alarmSpending = PLAN::alarmLevel;

    private static double alarmLevel(double alpha, int n) {
        return alarmSpending.apply(alpha, n);
    }

    /** One case of one simulated check: its verdict (null: INCONCLUSIVE at the last look). */
    private static Verdict sequential(RandomGenerator random, TDistribution t3, Noise noise, double change, double alarmAlpha,
                                      boolean signRule) {
        return sequential(random, t3, noise, change, alarmAlpha, signRule, THRESHOLD, ALPHA);
    }

    private static Verdict sequential(RandomGenerator random, TDistribution t3, Noise noise, double change, double alarmAlpha,
                                      boolean signRule, double threshold, double equivalenceAlpha) {
        double[] s = new double[PLAN.maxPairs()];
        for (int n = 1; n <= PLAN.maxPairs(); n++) {
            s[n - 1] = change * noise.fork(random, t3) / noise.fork(random, t3);
            if (PLAN.isLook(n)) {
                double[] pairs = Arrays.copyOf(s, n);
                Verdict v = signRule ? signRule(pairs, n)
                        : SequentialRule.look(pairs, threshold, alarmLevel(alarmAlpha, n), PLAN.equivalenceLevel(equivalenceAlpha, n)).verdict();
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /**
     * The alarm of the previous rule, at its levels (alpha split equally over the alarm looks at 10, 12
     * and 14 pairs and over the nine time cases): the exact sign test's order-statistic bound of the
     * median. That rule took the wider of this bound and a bootstrap bound, so its power was at most this.
     */
    private static Verdict signRule(double[] pairs, int n) {
        if (n < 10) {
            return null;
        }
        double level = ALPHA * SequentialRule.TIME_SHARE / (3 * 9);
        double[] sorted = pairs.clone();
        Arrays.sort(sorted);
        int k = PairedStatistics.orderStatisticRank(n, level);
        return k > 0 && sorted[k - 1] > 1 && PairedStatistics.median(pairs) > 1 + THRESHOLD ? Verdict.REGRESSION : null;
    }

    private static double detection(Noise noise, int checks, long seed, boolean signRule) {
        RandomGenerator random = new Well19937c(seed);
        TDistribution t3 = new TDistribution(random, 3);
        int found = 0;
        for (int c = 0; c < checks; c++) {
            found += sequential(random, t3, noise, 1.10, TIME_ALPHA, signRule) == Verdict.REGRESSION ? 1 : 0;
        }
        return (double) found / checks;
    }

    /** Identical jars: the share of whole checks (every time and allocation case) with any alarm. */
    private static double falseAlarms(Noise time, Noise allocation, int checks, long seed) {
        RandomGenerator random = new Well19937c(seed);
        TDistribution t3 = new TDistribution(random, 3);
        int alarms = 0;
        for (int c = 0; c < checks; c++) {
            boolean alarm = false;
            for (int b = 0; b < BENCHMARKS; b++) {
                Verdict v = b < TIMED ? sequential(random, t3, time, 1.0, TIME_ALPHA, false) : null;
                Verdict w = sequential(random, t3, allocation, 1.0, ALLOCATION_ALPHA, false);
                alarm |= v == Verdict.REGRESSION || v == Verdict.IMPROVEMENT || w == Verdict.REGRESSION || w == Verdict.IMPROVEMENT;
            }
            alarms += alarm ? 1 : 0;
        }
        return (double) alarms / checks;
    }

    @Test
    void aTenPercentSlowdownAtTheMeasuredScatterIsFlaggedInAtLeast90PercentOfChecks() {
        double t = detection(new Noise(MEASURED, false, 0), 1_000, 1, false);
        assertTrue(t >= 0.90, "t rule: 10% slowdown flagged in " + t + " of checks");
        // The same standard deviation with heavy tails (t(3) of scale 5% / sqrt(3)): a few forks far off.
        double heavy = detection(new Noise(MEASURED / Math.sqrt(3), true, 0), 1_000, 2, false);
        assertTrue(heavy >= 0.90, "t rule, heavy tails: flagged in " + heavy + " of checks");
        // Why the rule changed: the sign test's bound of the previous rule needs 13 of 14 pairs on one side.
        double sign = detection(new Noise(MEASURED, false, 0), 1_000, 1, true);
        assertTrue(sign < 0.75, "previous rule: flagged in only " + sign + " of checks");
    }

    @Test
    void identicalJarsRaiseAnAlarmInAtMostAlphaOfWholeChecks() {
        // Every case of the preset, time at the measured scatter and allocation nearly deterministic, each stopped
        // as soon as it is decided.
        double normal = falseAlarms(new Noise(MEASURED, false, 0), new Noise(0.005, false, 0), 1_000, 4);
        assertTrue(normal <= ALPHA, "false-alarm rate " + normal);
        double heavy = falseAlarms(new Noise(MEASURED, true, 0.1), new Noise(0.005, true, 0.1), 1_000, 5);
        assertTrue(heavy <= ALPHA, "false-alarm rate with heavy tails and disturbed forks " + heavy);
        double quiet = falseAlarms(new Noise(0.01, true, 0.1), new Noise(0.002, true, 0.1), 500, 6);
        assertTrue(quiet <= ALPHA, "false-alarm rate of a quiet machine " + quiet);
    }

    @Test
    void lookingAfterEveryFewPairsAtTheFixedSampleLevelRaisesTooManyAlarms() {
        // Why alpha is spent over the looks: one case, no threshold, no stopping for equivalence, bounds at the
        // fixed-sample level at every look.
        alarmSpending = (alpha, n) -> PLAN.isLook(n) ? alpha : 0.0;
        try {
            double naive = naive(0.01, 4_000, 11);
            assertTrue(naive > 1.5 * 0.01, "looking 4 times at level 0.01 gives a false-alarm rate of " + naive);
        } finally {
            alarmSpending = PLAN::alarmLevel;
        }
        double spent = naive(0.01, 4_000, 11);
        assertTrue(spent <= 0.01, "alpha spent over the looks keeps it at or below alpha: " + spent);
    }

    private static double naive(double alpha, int checks, long seed) {
        RandomGenerator random = new Well19937c(seed);
        TDistribution t3 = new TDistribution(random, 3);
        int alarms = 0;
        for (int c = 0; c < checks; c++) {
            // One-sided, as the check's false alarm is: REGRESSION.
            alarms += sequential(random, t3, new Noise(0.03, false, 0), 1.0, alpha, false, 0, 0) == Verdict.REGRESSION ? 1 : 0;
        }
        return (double) alarms / checks;
    }

    @Test
    void aSlowdownIsCalledNoChangeInAtMostAlphaOfChecks() {
        // The threshold itself is the hardest case: a 5% slowdown must not be NO_CHANGE in more than alpha.
        for (Noise noise : new Noise[] {new Noise(MEASURED, false, 0), new Noise(0.01, true, 0.1)}) {
            RandomGenerator random = new Well19937c(13);
            TDistribution t3 = new TDistribution(random, 3);
            int wrong = 0;
            for (int c = 0; c < 1_000; c++) {
                wrong += sequential(random, t3, noise, 1 + THRESHOLD, TIME_ALPHA, false) == Verdict.NO_CHANGE ? 1 : 0;
            }
            assertTrue(wrong <= ALPHA * 1_000, "a 5% slowdown called NO_CHANGE in " + wrong + " of 1000 at " + noise);
        }
    }

    @Test
    void unchangedSteadyCasesAreMostlyDecidedWithinTheLooks() {
        // A benchmark whose forks agree to 2% is decided NO_CHANGE within 14 pairs nearly always; at the measured 5%
        // about one case in four is (the equivalence bounds must fit inside +-5% at 14 pairs), at 3% about nine in ten: such a case is INCONCLUSIVE,
        // never a false NO_CHANGE, and deciding it needs steadier forks (longer iterations, a quieter machine).
        double steady = rate(new Noise(0.02, false, 0), 1.0, TIME_ALPHA, 1_000, 17, Verdict.NO_CHANGE);
        assertTrue(steady >= 0.9, "steady unchanged case decided NO_CHANGE in " + steady);
    }

    private static double rate(Noise noise, double change, double alarmAlpha, int checks, long seed, Verdict wanted) {
        RandomGenerator random = new Well19937c(seed);
        TDistribution t3 = new TDistribution(random, 3);
        int n = 0;
        for (int c = 0; c < checks; c++) {
            n += sequential(random, t3, noise, change, alarmAlpha, false) == wanted ? 1 : 0;
        }
        return (double) n / checks;
    }
}
