package dev.dbbench.report;

import static dev.dbbench.report.Fixtures.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedUpTest {

    @Test
    void constantDataGivesTheExactRatioAsItsInterval() {
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {10, 10, 10}), metric("ms/op", new double[] {5, 5, 5}), false);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertEquals(2.0, s.low(), 1e-12);
        assertEquals(2.0, s.high(), 1e-12);
    }

    @Test
    void intervalComesFromTheBootstrapDistributionOfTheMeans() {
        // Resampled means of {9, 11} are 9, 10 or 11 with probabilities 1/4, 1/2, 1/4: the 2.5% and
        // 97.5% quantiles are exactly 9 and 11, where two error bars "by eye" would say nothing precise.
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {9, 11}), metric("ms/op", new double[] {1, 1}), false);
        assertEquals(10.0, s.ratio(), 1e-12);
        assertEquals(9.0, s.low(), 1e-12);
        assertEquals(11.0, s.high(), 1e-12);
    }

    @Test
    void forksAreResampledBeforeIterations() {
        // Two forks that disagree: a quarter of the replicates draw the 10-fork twice, so the lower bound
        // is exactly 10. Pooling the six iterations would make "all six are 10" a 1-in-64 event and pull
        // the lower bound above 10, understating fork-to-fork variation.
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {10, 10, 10}, new double[] {20, 20, 20}),
                metric("ms/op", new double[] {1, 1, 1}), false);
        assertEquals(15.0, s.ratio(), 1e-12);
        assertEquals(10.0, s.low(), 1e-12);
        assertEquals(20.0, s.high(), 1e-12);
    }

    @Test
    void throughputSpeedUpIsVariantOverBaseline() {
        SpeedUp s = SpeedUp.of(metric("ops/s", new double[] {100, 100}), metric("ops/s", new double[] {400, 400}), true);
        assertEquals(4.0, s.ratio(), 1e-12);
        SpeedUp slower = SpeedUp.of(metric("ops/s", new double[] {400, 400}), metric("ops/s", new double[] {100, 100}), true);
        assertEquals(0.25, slower.ratio(), 1e-12);
    }

    @Test
    void sampleModeWeighsIterationsByTheirSampleCounts() {
        // One iteration of 3 samples totalling 30 and one of 1 sample of 50: the mean is 80/4 = 20.
        Metric histogram = new Metric(20, Double.NaN, "us/op",
                List.of(List.of(new Sample(30, 3), new Sample(50, 1))));
        SpeedUp s = SpeedUp.of(histogram, metric("us/op", new double[] {10, 10}), false);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertTrue(s.low() >= 10.0 / 10 && s.high() <= 50.0 / 10, s.toString());
    }

    @Test
    void oneIterationGivesNoInterval() {
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {10}), metric("ms/op", new double[] {5, 5}), false);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertFalse(s.hasInterval());
        assertEquals("n/a", Format.interval(s));
    }

    @Test
    void theSameDataGivesTheSameInterval() {
        Metric a = metric("ms/op", new double[] {9, 10, 12, 11}, new double[] {10, 13, 9, 10});
        Metric b = metric("ms/op", new double[] {3, 4, 3.5, 3}, new double[] {4, 4.5, 3, 3.2});
        assertEquals(SpeedUp.of(a, b, false), SpeedUp.of(a, b, false));
    }

    @Test
    void unitsConvertBeforeComparing() {
        Metric millis = metric("ms/op", new double[] {2, 2});
        ScoreUnit micros = ScoreUnit.parse("us/op");
        assertEquals(2000, millis.in(micros).score(), 1e-9);
        assertEquals(2000, millis.in(micros).forks().get(0).get(0).total(), 1e-9);
        Metric perMillis = metric("ops/ms", new double[] {3, 3});
        assertEquals(3000, perMillis.in(ScoreUnit.parse("ops/s")).score(), 1e-9);
        assertTrue(ScoreUnit.parse("ms/op").factorIfConvertible(ScoreUnit.parse("ops/s")).isEmpty());
    }
}
