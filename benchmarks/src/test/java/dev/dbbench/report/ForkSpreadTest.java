package dev.dbbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ForkSpreadTest {

    @Test
    void fewerThanThreeVariantsWithTwoForksGetNoPrior() {
        List<Metric> metrics = List.of(metric(10, 11), metric(20, 21), metric(30));
        assertFalse(ForkSpread.of(metrics).moderates());
        assertEquals(0.5, ForkSpread.NONE.variance(0.5, 1));
        assertEquals(1, ForkSpread.NONE.degreesOfFreedom(1));
    }

    @Test
    void variantsThatScatterAlikeShareOneVarianceOnAllTheirDegreesOfFreedom() {
        // Forty variants whose two forks differ by draws of one spread (sd 0.1 on the log scale).
        Well19937c random = new Well19937c(7);
        List<double[]> variances = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double a = 0.1 * random.nextGaussian();
            double b = 0.1 * random.nextGaussian();
            variances.add(new double[] {(a - b) * (a - b) / 2, 1});
        }
        ForkSpread spread = ForkSpread.fromVariances(variances);
        assertTrue(spread.priorDf() > 10, "large prior degrees of freedom, was " + spread.priorDf());
        assertEquals(0.01, spread.priorVariance(), 0.005, "the common variance 0.1^2");
        assertEquals(Math.min(spread.priorDf() + 1, 40), spread.degreesOfFreedom(1), 1e-9);
    }

    @Test
    void aVariantNeverGetsLessThanItsOwnVarianceAndBorrowsDegreesOfFreedom() {
        ForkSpread spread = new ForkSpread(0.01, 8, 12);
        assertEquals((8 * 0.01 + 0.0001) / 9, spread.variance(0.0001, 1), 1e-12, "a quiet variant is pulled up to the class");
        assertEquals(0.5, spread.variance(0.5, 1), "a noisy one keeps its own");
        assertEquals(9, spread.degreesOfFreedom(1));
        assertEquals(12, new ForkSpread(0.01, Double.POSITIVE_INFINITY, 12).degreesOfFreedom(1), "capped at the class's total");
    }

    @Test
    void moderationNarrowsATwoForkIntervalWhoseOwnSpreadIsSmallByChance() {
        // Baseline and variant each 2 forks whose means happen to differ by 1% and 1.5%; the other
        // variants of the class show forks differing by about 20%: the moderated interval is wider
        // than the naive one (the luck of two close forks is not trusted) yet far narrower than a
        // Welch interval with one degree of freedom would be for the class's typical spread.
        List<Metric> metrics = new ArrayList<>(List.of(metric(100, 101), metric(10, 10.15)));
        for (int i = 0; i < 6; i++) {
            metrics.add(metric(50 + i, (50 + i) * 1.2));
        }
        SpeedUp plain = SpeedUp.of(metrics.get(0), metrics.get(1), false);
        SpeedUp moderated = SpeedUp.of(metrics.get(0), metrics.get(1), false, ForkSpread.of(metrics));
        assertEquals(plain.ratio(), moderated.ratio(), 1e-12, "the estimate does not change, only its interval");
        assertTrue(moderated.high() / moderated.low() > plain.high() / plain.low(), moderated + " vs " + plain);
    }

    /** A metric with one fork per value given, three equal iterations each. */
    private static Metric metric(double... forkMeans) {
        List<List<Sample>> forks = new ArrayList<>();
        for (double m : forkMeans) {
            forks.add(List.of(Sample.of(m), Sample.of(m), Sample.of(m)));
        }
        return new Metric(forkMeans[0], Double.NaN, "ms/op", forks);
    }
}
