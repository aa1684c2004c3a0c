package dev.dbbench.report;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import static dev.dbbench.report.Fixtures.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedUpTest {

    @Test
    void constantForksGiveTheExactRatioAsTheirInterval() {
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {10, 10, 10}, new double[] {10, 10, 10}),
                metric("ms/op", new double[] {5, 5, 5}, new double[] {5, 5, 5}), false);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertEquals(2.0, s.low(), 1e-12);
        assertEquals(2.0, s.high(), 1e-12);
    }

    @Test
    void intervalIsAWelchTIntervalOnLogForkMeans() {
        // Baseline forks average 8 and 12.5 (logs differ by ln 1.5625), the variant's are constant at 1:
        // the variant side adds no variance, so the half-width is t(0.975, 1 df) times the standard error
        // of the baseline's mean log, and the ratio is the geometric mean sqrt(8 * 12.5) = 10.
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {8, 8, 8}, new double[] {12.5, 12.5, 12.5}),
                metric("ms/op", new double[] {1, 1, 1}, new double[] {1, 1, 1}), false);
        double se = Math.abs(Math.log(12.5) - Math.log(8)) / 2;
        double t = 12.706204736174698;
        assertEquals(10.0, s.ratio(), 1e-9);
        assertEquals(10.0 * Math.exp(-t * se), s.low(), 1e-6);
        assertEquals(10.0 * Math.exp(t * se), s.high(), 1e-6);
    }

    @Test
    void iterationsWithinAForkDoNotNarrowTheIntervalBeyondTheForks() {
        // Two forks that disagree, each internally constant: piling up iterations changes nothing, because the
        // second run would draw new forks, not new iterations of these. A bootstrap over pooled iterations
        // would shrink towards the midpoint as the iteration count grows.
        double[] ten = new double[30];
        double[] twenty = new double[30];
        Arrays.fill(ten, 10);
        Arrays.fill(twenty, 20);
        SpeedUp many = SpeedUp.of(metric("ms/op", ten, twenty), metric("ms/op", new double[] {1, 1}, new double[] {1, 1}), false);
        SpeedUp few = SpeedUp.of(metric("ms/op", new double[] {10, 10, 10}, new double[] {20, 20, 20}),
                metric("ms/op", new double[] {1, 1}, new double[] {1, 1}), false);
        assertEquals(few.low(), many.low(), 1e-9);
        assertEquals(few.high(), many.high(), 1e-9);
        assertTrue(many.low() < 10 && many.high() > 20, many.toString());
    }

    @Test
    void oneForkGivesAFigureButNoInterval() {
        SpeedUp s = SpeedUp.of(metric("ms/op", new double[] {10, 11, 9, 10, 10}),
                metric("ms/op", new double[] {5, 5}, new double[] {5, 5}), false);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertFalse(s.hasInterval());
        assertEquals("n/a", Format.interval(s));
    }

    @Test
    void throughputSpeedUpIsVariantOverBaseline() {
        SpeedUp s = SpeedUp.of(metric("ops/s", new double[] {100, 100}, new double[] {100, 100}),
                metric("ops/s", new double[] {400, 400}, new double[] {400, 400}), true);
        assertEquals(4.0, s.ratio(), 1e-12);
        SpeedUp slower = SpeedUp.of(metric("ops/s", new double[] {400, 400}, new double[] {400, 400}),
                metric("ops/s", new double[] {100, 100}, new double[] {100, 100}), true);
        assertEquals(0.25, slower.ratio(), 1e-12);
    }

    @Test
    void sampleModeWeighsIterationsByTheirSampleCounts() {
        // Each fork: one iteration of 3 samples totalling 30 and one of 1 sample of 50, a mean of 80/4 = 20.
        List<Sample> fork = List.of(new Sample(30, 3), new Sample(50, 1));
        Metric histogram = new Metric(20, Double.NaN, "us/op", List.of(fork, fork));
        SpeedUp s = SpeedUp.of(histogram, metric("us/op", new double[] {10, 10}, new double[] {10, 10}), false);
        assertEquals(2.0, s.ratio(), 1e-12);
        assertEquals(2.0, s.low(), 1e-12);
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
        assertEquals(2000, micros.convert(millis).score(), 1e-9);
        assertEquals(2000, micros.convert(millis).forks().get(0).get(0).total(), 1e-9);
        Metric perMillis = metric("ops/ms", new double[] {3, 3});
        assertEquals(3000, ScoreUnit.parse("ops/s").convert(perMillis).score(), 1e-9);
        assertTrue(ScoreUnit.parse("ms/op").factorIfConvertible(ScoreUnit.parse("ops/s")).isEmpty());
    }
}
