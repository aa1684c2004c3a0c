package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.SequentialRule.Look;
import dev.dbbench.regress.SequentialRule.Plan;
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The sequential rule on simulated checks with known answers, never timed. A fork's value is the true
 * time times {@code exp(noise)}: Student-t noise with 3 degrees of freedom (a few forks land far off),
 * and in the false-alarm simulations one fork in ten disturbed by a further 10 to 40% (another
 * process took a core). Each simulated
 * check runs the rule as {@link SequentialCheck} does: pairs are added, every case is looked at on the
 * plan's looks, a decided case stops, the rest go on to the last look. Fixed seeds: the rates asserted
 * are exact for this code.
 */
class SequentialRuleTest {
    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    /** The ci preset's plan: looks after 8, 10, 12 and 14 pairs, alarms from 10. */
    private static final Plan PLAN = Preset.CI.plan();
    /** Fewer resamples than the check's 10,000, to keep the test quick; at these levels the order statistic's bound is the wider. */
    private static final int RESAMPLES = 200;

    /** The share of forks disturbed by another process; 0 in the power simulations, which model a steady benchmark. */
    private double disturbed = 0.1;

    /** One fork's noise factor. */
    private double fork(RandomGenerator random, TDistribution t, double sigma) {
        double noise = sigma * t.inverseCumulativeProbability(random.nextDouble());
        if (random.nextDouble() < disturbed) {
            noise += Math.log(1.1 + 0.3 * random.nextDouble());
        }
        return Math.exp(noise);
    }

    /** The outcome of one case of one simulated check: its verdict (null: INCONCLUSIVE) and the pairs it used. */
    private record Outcome(Verdict verdict, int pairs) {}

    /** {@code alarmLevel} applies at the plan's alarm looks, or at every look when {@code everyLook}. */
    private Outcome sequential(RandomGenerator random, TDistribution t, double sigma, double change, double threshold,
                                      double alarmLevel, double equivalenceLevel, boolean everyLook) {
        double[] s = new double[PLAN.maxPairs()];
        for (int n = 1; n <= PLAN.maxPairs(); n++) {
            s[n - 1] = change * fork(random, t, sigma) / fork(random, t, sigma);
            if (PLAN.isLook(n)) {
                double level = everyLook || PLAN.isAlarmLook(n) ? alarmLevel : 0;
                Look look = SequentialRule.look(Arrays.copyOf(s, n), threshold, level, equivalenceLevel, RESAMPLES, n);
                if (look.verdict() != null) {
                    return new Outcome(look.verdict(), n);
                }
            }
        }
        return new Outcome(null, PLAN.maxPairs());
    }

    /**
     * Simulated checks of unchanged cases, each at its own alarm level (e.g. nine time cases at one level
     * and nine allocation cases at another): the share of checks with any alarm.
     */
    private double falseAlarmRate(int checks, double[] alarmLevels, double sigma, double threshold, boolean everyLook, long seed) {
        RandomGenerator random = new Well19937c(seed);
        TDistribution t = new TDistribution(random, 3);
        int alarms = 0;
        for (int c = 0; c < checks; c++) {
            boolean alarm = false;
            for (double alarmLevel : alarmLevels) {
                Verdict v = sequential(random, t, sigma, 1.0, threshold, alarmLevel,
                        SequentialRule.equivalenceLevel(ALPHA, PLAN.looks()), everyLook).verdict();
                alarm |= v == Verdict.REGRESSION || v == Verdict.IMPROVEMENT;
            }
            alarms += alarm ? 1 : 0;
        }
        return (double) alarms / checks;
    }

    /** The alarm level of each of the ci preset's nine time cases. */
    private static double timeLevel() {
        return SequentialRule.alarmLevel(ALPHA * SequentialRule.TIME_SHARE, PLAN.alarmLooks(), 9);
    }

    @Test
    void planLooksOnlyAtItsOwnPairCounts() {
        assertEquals(14, PLAN.maxPairs());
        assertTrue(PLAN.isLook(8) && PLAN.isLook(10) && PLAN.isLook(14));
        assertTrue(!PLAN.isLook(6) && !PLAN.isLook(9) && !PLAN.isLook(16));
        assertTrue(!PLAN.isAlarmLook(8) && PLAN.isAlarmLook(10));
        assertEquals(3, PLAN.alarmLooks());
        BadInputException e = assertThrows(BadInputException.class, () -> new Plan(3, 2, 4, 3));
        assertTrue(e.getMessage().startsWith("--pairs 3 (the first look") && e.getMessage().contains("at least 5"), e.getMessage());
    }

    @Test
    void aCertainTenPercentSlowdownIsARegressionAndIdenticalForksAreNoChange() {
        double[] slower = new double[10];
        Arrays.fill(slower, 1.10);
        double alarm = timeLevel();
        double equivalence = SequentialRule.equivalenceLevel(ALPHA, PLAN.looks());
        assertEquals(Verdict.REGRESSION, SequentialRule.look(slower, THRESHOLD, alarm, equivalence).verdict());
        double[] same = new double[8];
        Arrays.fill(same, 1.0);
        assertEquals(Verdict.NO_CHANGE, SequentialRule.look(same, THRESHOLD, alarm, equivalence).verdict());
        // Six of six slower is 1 in 64 by chance: far above the split level, so no alarm yet.
        assertNull(SequentialRule.look(Arrays.copyOf(slower, 6), THRESHOLD, alarm, equivalence).verdict());
    }

    @Test
    void lookingAfterEveryFewPairsAtTheFixedSampleLevelRaisesTooManyAlarms() {
        // Why the split is needed: one case, no threshold, bounds at the fixed-sample level alpha at every look.
        double naive = falseAlarmRate(2_000, new double[] {ALPHA}, 0.03, 0.0, true, 11);
        assertTrue(naive > 1.5 * ALPHA, "looking 4 times at level alpha gives a false-alarm rate of " + naive);
        double split = falseAlarmRate(2_000, new double[] {SequentialRule.alarmLevel(ALPHA, PLAN.alarmLooks(), 1)}, 0.03, 0.0, false, 11);
        assertTrue(split <= ALPHA, "alpha split over the looks keeps it at or below alpha: " + split);
    }

    @Test
    void identicalBuildsRaiseAnAlarmInAtMostAlphaOfChecksUnderOptionalStopping() {
        // 18 cases (the ci preset's nine benchmarks, time and allocation), each stopped as soon as it is decided.
        double[] levels = new double[18];
        Arrays.fill(levels, 0, 9, timeLevel());
        Arrays.fill(levels, 9, 18, SequentialRule.alarmLevel(ALPHA * (1 - SequentialRule.TIME_SHARE), PLAN.alarmLooks(), 9));
        for (double sigma : new double[] {0.01, 0.05}) {
            double rate = falseAlarmRate(200, levels, sigma, THRESHOLD, false, 7);
            assertTrue(rate <= ALPHA, "false-alarm rate " + rate + " at noise " + sigma);
        }
    }

    @Test
    void aTenPercentSlowdownIsFoundInMostChecksAndIdenticalCasesAreMostlyDecided() {
        // A steady benchmark: t(3) noise of scale 1.5% (a standard deviation of about 2.6% per fork), no disturbed
        // forks. At scale 2% detection stays near 97% but only about 70% of unchanged cases are decided within 14
        // pairs; with one fork in twenty disturbed, detection falls to about 86%: the gate needs benchmarks that settle.
        disturbed = 0;
        RandomGenerator random = new Well19937c(23);
        TDistribution t = new TDistribution(random, 3);
        double alarmLevel = timeLevel();
        double equivalenceLevel = SequentialRule.equivalenceLevel(ALPHA, PLAN.looks());
        int checks = 400;
        int found = 0;
        int noChange = 0;
        long pairs = 0;
        for (int c = 0; c < checks; c++) {
            Outcome slower = sequential(random, t, 0.015, 1.10, THRESHOLD, alarmLevel, equivalenceLevel, false);
            found += slower.verdict() == Verdict.REGRESSION ? 1 : 0;
            Outcome same = sequential(random, t, 0.015, 1.0, THRESHOLD, alarmLevel, equivalenceLevel, false);
            noChange += same.verdict() == Verdict.NO_CHANGE ? 1 : 0;
            pairs += same.pairs();
        }
        assertTrue(found >= 0.9 * checks, "10% slowdown found in " + found + " of " + checks);
        assertTrue(noChange >= 0.85 * checks, "unchanged case decided NO_CHANGE in " + noChange + " of " + checks
                + " (mean pairs " + (double) pairs / checks + ")");
    }

    @Test
    void aSlowdownIsNeverCalledNoChange() {
        RandomGenerator random = new Well19937c(5);
        TDistribution t = new TDistribution(random, 3);
        int wrong = 0;
        for (int c = 0; c < 400; c++) {
            Verdict v = sequential(random, t, 0.05, 1.10, THRESHOLD, timeLevel(),
                    SequentialRule.equivalenceLevel(ALPHA, PLAN.looks()), false).verdict();
            wrong += v == Verdict.NO_CHANGE ? 1 : 0;
        }
        assertTrue(wrong <= 0.05 * 400, "a 10% slowdown called NO_CHANGE in " + wrong + " of 400");
    }
}
