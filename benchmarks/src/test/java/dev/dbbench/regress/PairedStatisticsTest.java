package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.PairedStatistics.Decision;
import dev.dbbench.regress.PairedStatistics.Flag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The statistics on synthetic pairs with known answers. The simulations model what the check sees:
 * a fork's median is the true time times {@code exp(noise)}, with heavy-tailed noise (Student-t with
 * 2 or 3 degrees of freedom, Cauchy) so that a few forks land far off, plus a drift shared by both
 * forks of a pair (the machine getting busier), which the ratio cancels. Every simulation has a fixed
 * seed, so the rates asserted are exact for this code, not luck.
 */
class PairedStatisticsTest {
    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    private static final int PAIRS = 10;
    private static final int TRIALS = 400;

    private static double[] constant(double value, int n) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    private static Decision one(double[] slowdowns) {
        return PairedStatistics.decide(List.of(slowdowns), ALPHA, THRESHOLD).get(0);
    }

    @Test
    void tenPercentSlowerInEveryPairIsFlaggedSlowerWithBoundsAboveOne() {
        Decision d = one(constant(1.10, PAIRS));
        assertEquals(Flag.SLOWER, d.flag());
        assertEquals(1.10, d.estimate(), 1e-12);
        assertTrue(d.lower() > 1, "lower bound " + d.lower());
        // All ten pairs on one side: the sign test's 1/1024 is the smallest p-value ten pairs can give.
        assertEquals(PairedStatistics.smallestAttainableP(PAIRS), d.pAdjusted(), 1e-12);
    }

    @Test
    void identicalForksAreNoChange() {
        Decision d = one(constant(1.0, PAIRS));
        assertEquals(Flag.NONE, d.flag());
        assertEquals(1.0, d.estimate(), 0);
    }

    @Test
    void tenPercentFasterIsFlaggedFaster() {
        Decision d = one(constant(1 / 1.10, PAIRS));
        assertEquals(Flag.FASTER, d.flag());
        assertTrue(d.upper() < 1, "upper bound " + d.upper());
    }

    @Test
    void aCertainChangeBelowTheThresholdIsNotFlagged() {
        Decision d = one(constant(1.03, PAIRS));
        assertTrue(d.pAdjusted() < 0.001, "the change is certain: p " + d.pAdjusted());
        assertEquals(Flag.NONE, d.flag(), "but 3% is below the 5% threshold");
    }

    @Test
    void oneWildPairDoesNotHideARegression() {
        double[] s = constant(1.10, PAIRS);
        s[3] = 0.2;
        Decision d = one(s);
        assertEquals(Flag.SLOWER, d.flag());
        assertEquals(1.10, d.estimate(), 1e-12);
    }

    @Test
    void holmCorrectionWithdrawsAWeakFlagWhenManyBenchmarksAreCompared() {
        // Nine pairs 10% slower, one 20% faster: the exact sign test gives P(>= 9 of 10) = 11/1024 = 0.0107,
        // significant alone at 0.05 ...
        double[] weak = {1.1, 1.1, 1.1, 0.8, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1};
        Decision alone = one(weak);
        assertEquals(Flag.SLOWER, alone.flag());
        assertEquals(11.0 / 1024, alone.pAdjusted(), 1e-9);
        // ... but not next to nineteen benchmarks that did not change: Holm compares it with 0.05 / 20.
        List<double[]> family = new ArrayList<>();
        family.add(weak);
        for (int i = 0; i < 19; i++) {
            family.add(constant(1.0, PAIRS));
        }
        Decision corrected = PairedStatistics.decide(family, ALPHA, THRESHOLD).get(0);
        assertEquals(Flag.NONE, corrected.flag());
        assertEquals(20 * 11.0 / 1024, corrected.pAdjusted(), 1e-9);
        assertEquals(ALPHA / 20, corrected.level(), 1e-12);
    }

    @Test
    void theBootstrapAloneWouldBeTooConfidentSoTheSignTestGuardsTheDecision() {
        double[] nineOfTen = {1.1, 1.1, 1.1, 0.8, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1};
        double[] medians = PairedStatistics.bootstrapMedians(nineOfTen, PairedStatistics.RESAMPLES, PairedStatistics.SEED);
        long atMostOne = Arrays.stream(medians).filter(m -> m <= 1).count();
        // The bootstrap: P(Binomial(10, 0.1) >= 5) = 0.0016; the truth under no change: 0.0107.
        assertEquals(0.0016, atMostOne / (double) PairedStatistics.RESAMPLES, 0.001);
        assertEquals(11.0 / 1024, PairedStatistics.signTest(nineOfTen, true), 1e-12);
        assertEquals(1.0, PairedStatistics.signTest(constant(1.0, PAIRS), true), 0);
    }

    @Test
    void theOrderStatisticBoundHoldsItsLevel() {
        // Ten values: the 2nd smallest is a bound at 0.05 (P(Bin(10, 1/2) <= 1) = 11/1024), the 3rd is not (56/1024).
        assertEquals(2, PairedStatistics.orderStatisticRank(10, 0.05));
        assertEquals(0, PairedStatistics.orderStatisticRank(5, 0.025), "five values bound nothing at 0.025 (1/32 > 0.025)");
    }

    @Test
    void theReportedBoundsExcludeOneExactlyWhenTheChangeIsSignificant() {
        double[] weak = {1.1, 1.1, 1.1, 0.8, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1};
        Decision alone = one(weak);
        assertTrue(alone.lower() > 1, "significant alone: lower bound " + alone.lower());
        List<double[]> family = new ArrayList<>();
        family.add(weak);
        for (int i = 0; i < 19; i++) {
            family.add(constant(1.0, PAIRS));
        }
        Decision corrected = PairedStatistics.decide(family, ALPHA, THRESHOLD).get(0);
        assertTrue(corrected.lower() <= 1, "not significant among twenty: lower bound " + corrected.lower());
    }

    @Test
    void theSameDataAlwaysGivesTheSameVerdict() {
        double[] s = {1.02, 0.97, 1.08, 1.11, 0.99, 1.05, 1.07, 1.01, 1.12, 0.96};
        Decision a = one(s);
        Decision b = one(s.clone());
        assertEquals(a, b);
        assertArrayEquals(PairedStatistics.bootstrapMedians(s, 1000, 7), PairedStatistics.bootstrapMedians(s, 1000, 7));
    }

    @Test
    void aNonsensicalAlphaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedStatistics.decide(List.of(constant(1, 5)), 1.5, THRESHOLD));
        assertTrue(e.getMessage().contains("alpha must be between 0 and 1, got 1.5"), e.getMessage());
    }

    @Test
    void rulerMovesOnlyBeyondItsToleranceInEitherDirection() {
        assertEquals(false, PairedStatistics.moved(constant(1.02, 7), 0.03, ALPHA));
        assertEquals(true, PairedStatistics.moved(constant(1.04, 7), 0.03, ALPHA));
        assertEquals(true, PairedStatistics.moved(constant(0.96, 7), 0.03, ALPHA));
    }

    @Test
    void aRulerThatOnlyScattersHasNotMoved() {
        // Median 6% low, but the pairs go both ways (4 of 6 below 1, sign test p = 0.34): noise, not a shift.
        double[] scattered = {0.38, 0.90, 1.10, 0.93, 1.06, 0.94};
        assertEquals(false, PairedStatistics.moved(scattered, 0.03, ALPHA));
        // Every pair 6% low: the machine treated the two builds differently.
        assertEquals(true, PairedStatistics.moved(constant(0.94, 6), 0.03, ALPHA));
    }

    // ---- simulations: false-alarm rate and power under heavy-tailed noise ----

    /** Simulates pairs of forks: per pair, a shared drift and independent heavy-tailed noise per fork. */
    private static double[] pairs(double effect, DoubleSupplier forkNoise, DoubleSupplier drift, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double d = drift.getAsDouble();
            double base = 100 * Math.exp(d + forkNoise.getAsDouble());
            double head = 100 * effect * Math.exp(d + forkNoise.getAsDouble());
            s[i] = head / base;
        }
        return s;
    }

    /** Fraction of trials flagged SLOWER: in round 1 only, and confirmed by a second independent round. */
    private record Rates(double firstRound, double confirmed) {}

    private static Rates simulate(double effect, DoubleSupplier noise, long seed) {
        Rates r = simulateQuietly(effect, noise, seed);
        System.out.printf(java.util.Locale.ROOT, "effect %.2f: flagged in round 1 %.4f, confirmed %.4f (%d trials of %d pairs)%n",
                effect, r.firstRound(), r.confirmed(), TRIALS, PAIRS);
        return r;
    }

    private static Rates simulateQuietly(double effect, DoubleSupplier noise, long seed) {
        RandomGenerator driftRandom = new Well19937c(seed ^ 0x5DEECE66DL);
        NormalDistribution drift = new NormalDistribution(driftRandom, 0, 0.2);
        int first = 0;
        int confirmed = 0;
        for (int t = 0; t < TRIALS; t++) {
            if (one(pairs(effect, noise, drift::sample, PAIRS)).flag() == Flag.SLOWER) {
                first++;
                if (one(pairs(effect, noise, drift::sample, PAIRS)).flag() == Flag.SLOWER) {
                    confirmed++;
                }
            }
        }
        return new Rates(first / (double) TRIALS, confirmed / (double) TRIALS);
    }

    private static DoubleSupplier studentT(double degrees, double scale, long seed) {
        TDistribution t = new TDistribution(new Well19937c(seed), degrees);
        return () -> scale * t.sample();
    }

    private static DoubleSupplier cauchy(double scale, long seed) {
        CauchyDistribution c = new CauchyDistribution(new Well19937c(seed), 0, scale);
        // Clamped at a factor of e^2 (7.4x): a fork cannot be infinitely slow, and exp() must stay finite.
        return () -> Math.max(-2, Math.min(2, c.sample()));
    }

    @Test
    void identicalBuildsUnderStudentTNoiseRarelyRaiseAnAlarm() {
        Rates r = simulate(1.0, studentT(2, 0.02, 11), 12);
        assertTrue(r.firstRound() <= ALPHA, "round-1 false alarms " + r);
        assertTrue(r.confirmed() <= 0.01, "confirmed false alarms " + r);
    }

    @Test
    void identicalBuildsUnderCauchyNoiseRarelyRaiseAnAlarm() {
        Rates r = simulate(1.0, cauchy(0.01, 21), 22);
        assertTrue(r.firstRound() <= ALPHA, "round-1 false alarms " + r);
        assertTrue(r.confirmed() <= 0.01, "confirmed false alarms " + r);
    }

    @Test
    void aTenPercentSlowdownUnderStudentTNoiseIsFound() {
        Rates r = simulate(1.10, studentT(3, 0.02, 31), 32);
        assertTrue(r.confirmed() >= 0.9, "power " + r);
    }

    @Test
    void aTenPercentSlowdownUnderCauchyNoiseIsFound() {
        // Cauchy noise of scale 0.5% per fork (1% on the ratio): one pair in 30 lands on the wrong side of 1
        // although the change is 10%, and ten pairs must have at most one such (sign test at 0.05).
        Rates r = simulate(1.10, cauchy(0.005, 41), 42);
        assertTrue(r.confirmed() >= 0.85, "power " + r);
    }

    @Test
    void twentyUnchangedBenchmarksTogetherRaiseAnAlarmNoMoreOftenThanAlpha() {
        DoubleSupplier noise = studentT(2, 0.03, 51);
        NormalDistribution drift = new NormalDistribution(new Well19937c(52), 0, 0.2);
        int trials = 100;
        int anyFlag = 0;
        for (int t = 0; t < trials; t++) {
            List<double[]> family = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                family.add(pairs(1.0, noise, drift::sample, PAIRS));
            }
            // The threshold is set to 0 so that only the Holm-corrected test stands between noise and an alarm.
            if (PairedStatistics.decide(family, ALPHA, 0).stream().anyMatch(d -> d.flag() == Flag.SLOWER)) {
                anyFlag++;
            }
        }
        System.out.printf("20 unchanged benchmarks, threshold 0: any flagged in round 1 in %d of %d trials%n", anyFlag, trials);
        assertTrue(anyFlag / (double) trials <= ALPHA + 0.03, "family-wise round-1 false alarms " + anyFlag + "/" + trials);
    }
}
