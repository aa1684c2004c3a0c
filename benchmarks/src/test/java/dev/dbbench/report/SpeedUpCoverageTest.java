package dev.dbbench.report;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Does the speed-up's 95% interval cover the true ratio as often as it says? Simulated runs draw, per
 * fork, a random effect that all its iterations share (log-normal: JIT and layout luck), and per
 * iteration heavy-tailed noise (Student t with 3 degrees of freedom on the log scale) plus occasional
 * one-sided stalls (a GC pause or a checkpoint: 5% of iterations take 1.5x to 3x as long). Both sides
 * get the same kind of noise around their own scale, so the true speed-up is exactly the ratio of the
 * scales. A fixed seed makes the test deterministic; it asserts on counts, never on time.
 */
class SpeedUpCoverageTest {
    private static final int RUNS = 2_000;
    private static final double TRUE_RATIO = 8.0;

    @ParameterizedTest(name = "{0} forks x {1} iterations, fork spread {2} / {3}")
    @CsvSource({
            // The suite's minimum for a verdict, the full profile's shape, and unequal fork spreads.
            "2, 3, 0.20, 0.20",
            "3, 5, 0.20, 0.20",
            "3, 5, 0.05, 0.30",
            "5, 10, 0.15, 0.15",
    })
    void ninetyFivePercentIntervalCoversTheTrueRatioInAtLeast93PercentOfRuns(int forks, int iterations,
                                                                             double baselineSpread,
                                                                             double variantSpread) {
        RandomGenerator random = new Well19937c(20_261_203L + forks * 100L + iterations);
        TDistribution heavyTail = new TDistribution(random, 3);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            Metric baseline = simulated(100.0, forks, iterations, baselineSpread, random, heavyTail);
            Metric variant = simulated(100.0 / TRUE_RATIO, forks, iterations, variantSpread, random, heavyTail);
            SpeedUp s = SpeedUp.of(baseline, variant, false);
            if (s.low() <= TRUE_RATIO && TRUE_RATIO <= s.high()) {
                covered++;
            }
        }
        double coverage = (double) covered / RUNS;
        assertTrue(coverage >= 0.93, String.format(Locale.ROOT, "coverage %.3f < 0.93", coverage));
    }

    /**
     * The same with the fork spread moderated across a class ({@link ForkSpread}): a class of
     * {@code variants} variants, two forks each, whose fork spreads are drawn per variant, log-uniform
     * between {@code lowSpread} and {@code highSpread} (equal bounds: every variant scatters alike).
     * Each simulated run judges the speed-up of the first two variants with the prior learnt from all.
     */
    @ParameterizedTest(name = "{0} variants, {1} forks x {2} iterations, fork spreads {3} to {4}")
    @CsvSource({
            "8, 2, 3, 0.20, 0.20",
            "8, 2, 3, 0.05, 0.30",
            "4, 2, 3, 0.10, 0.30",
            "6, 2, 3, 0.10, 0.30",
            "16, 2, 3, 0.03, 0.40",
            "6, 3, 5, 0.05, 0.30",
    })
    void moderatedIntervalCoversTheTrueRatioInAtLeast93PercentOfRuns(int variants, int forks, int iterations,
                                                                    double lowSpread, double highSpread) {
        RandomGenerator random = new Well19937c(20_261_204L + variants * 1000L + forks * 100L + iterations);
        TDistribution heavyTail = new TDistribution(random, 3);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            List<Metric> metrics = new ArrayList<>();
            for (int v = 0; v < variants; v++) {
                double spread = lowSpread * Math.pow(highSpread / lowSpread, random.nextDouble());
                double scale = v == 1 ? 100.0 / TRUE_RATIO : 100.0 * (1 + v);
                metrics.add(simulated(scale, forks, iterations, spread, random, heavyTail));
            }
            SpeedUp s = SpeedUp.of(metrics.get(0), metrics.get(1), false, ForkSpread.of(metrics));
            if (s.low() <= TRUE_RATIO && TRUE_RATIO <= s.high()) {
                covered++;
            }
        }
        double coverage = (double) covered / RUNS;
        assertTrue(coverage >= 0.93, String.format(Locale.ROOT, "coverage %.3f < 0.93", coverage));
    }

    /** Average-time iterations around {@code scale}: a shared fork effect times per-iteration noise. */
    private static Metric simulated(double scale, int forks, int iterations, double forkSpread,
                                    RandomGenerator random, TDistribution heavyTail) {
        List<List<Sample>> raw = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            double forkEffect = Math.exp(forkSpread * random.nextGaussian());
            List<Sample> fork = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                double noise = Math.exp(0.05 * heavyTail.sample());
                if (random.nextDouble() < 0.05) {
                    noise *= 1.5 + 1.5 * random.nextDouble();
                }
                double value = scale * forkEffect * noise;
                fork.add(Sample.of(value));
                sum += value;
            }
            raw.add(fork);
        }
        return new Metric(sum / (forks * iterations), Double.NaN, "ms/op", raw);
    }
}
