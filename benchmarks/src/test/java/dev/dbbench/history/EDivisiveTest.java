package dev.dbbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EDivisiveTest {
    /** Gaussian noise of 1% around each level, from a fixed seed. */
    static double[] levels(long seed, double[] levels, int each) {
        Random random = new Random(seed);
        double[] x = new double[levels.length * each];
        for (int i = 0; i < x.length; i++) {
            double level = levels[i / each];
            x[i] = level * (1 + 0.01 * random.nextGaussian());
        }
        return x;
    }

    static List<Integer> indexes(double[] series) {
        return EDivisive.changePoints(series).stream().map(EDivisive.ChangePoint::index).toList();
    }

    @Test
    void findsAKnownStepWhereItStarts() {
        assertEquals(List.of(10), indexes(levels(1, new double[] {100, 110}, 10)));
    }

    @Test
    void findsTwoSteps() {
        assertEquals(List.of(8, 16), indexes(levels(2, new double[] {100, 130, 90}, 8)));
    }

    @Test
    void noiseAloneHasNoStep() {
        int falseAlarms = 0;
        for (long seed = 0; seed < 20; seed++) {
            falseAlarms += indexes(levels(seed, new double[] {100}, 20)).size();
        }
        // At p <= 0.05 about one in twenty pure-noise series may get a (false) step; more would be a broken test.
        assertTrue(falseAlarms <= 3, falseAlarms + " false steps in 20 noise series");
    }

    @Test
    void tooShortASeriesIsNotTested() {
        assertEquals(List.of(), indexes(new double[] {1, 1, 1, 9, 9}));
    }

    @Test
    void theIncrementalSearchAgreesWithTheDirectFormula() {
        double[] x = levels(3, new double[] {5, 7, 6}, 5);
        for (int start = 0; start < 4; start++) {
            EDivisive.Split best = EDivisive.bestSplit(x, start, x.length, 3);
            double direct = Double.NEGATIVE_INFINITY;
            for (int t = start + 3; t <= x.length - 3; t++) {
                direct = Math.max(direct, EDivisive.q(x, start, t, x.length));
            }
            assertEquals(direct, best.q(), 1e-9);
            assertEquals(EDivisive.q(x, start, best.index(), x.length), best.q(), 1e-9);
        }
    }
}
