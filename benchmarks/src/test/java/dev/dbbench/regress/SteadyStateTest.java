package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The MSER truncation on series with a known warm-up. */
class SteadyStateTest {
    @Test
    void aSteadySeriesKeepsEveryIteration() {
        double[] steady = {10.1, 9.9, 10.0, 10.2, 9.8, 10.0, 10.1, 9.9};
        assertEquals(0, SteadyState.truncation(steady));
        assertEquals(10.0, SteadyState.settle(steady).value(), 1e-9);
    }

    @Test
    void aJitWarmUpIsDropped() {
        // As PgUserOrdersLoadBenchmark.join's forks look on two cores: about 30 ms/op until C2 is done, then about 10.
        double[] series = {31, 29, 30, 10.4, 10.1, 9.9, 10.2, 10.0, 10.3, 9.8, 10.1, 10.0};
        SteadyState.Settled s = SteadyState.settle(series);
        // The three slow iterations go; MSER may take one steady iteration more (here the highest, 10.4): it
        // prefers a slightly shorter rest of lower variance, which costs little.
        assertTrue(s.dropped() == 3 || s.dropped() == 4, "dropped " + s.dropped());
        assertEquals(series.length - s.dropped(), s.kept());
        assertTrue(s.value() > 9.9 && s.value() < 10.2, "mean of the rest " + s.value());
    }

    @Test
    void aLateOutlierIsNotMistakenForWarmUp() {
        double[] series = {10.0, 10.1, 9.9, 10.0, 10.2, 9.8, 10.0, 25.0};
        assertEquals(0, SteadyState.truncation(series));
    }

    @Test
    void neverMoreThanHalfIsDropped() {
        double[] series = {50, 48, 46, 44, 42, 40, 38, 36, 34, 32};
        assertTrue(SteadyState.truncation(series) <= series.length / 2);
    }

    @Test
    void bothForksOfAPairDropTheLongerWarmUp() {
        // As PgStreamingBenchmark.streamFetch1000's duet forks look: both slower for the first shots, one longer than
        // the other. Cut alone, the base would keep a slow shot the head had dropped (or the other way round).
        double[] base = {1160, 1150, 1170, 1155, 960, 950, 955, 945, 950, 960};
        double[] head = {1150, 1165, 955, 950, 955, 950, 955, 950, 955, 950};
        SteadyState.SettledPair pair = SteadyState.settle(base, head);
        assertEquals(4, SteadyState.truncation(base));
        assertEquals(2, SteadyState.truncation(head));
        assertEquals(4, pair.dropped());
        assertEquals(6, pair.base().kept());
        assertEquals(6, pair.head().kept());
        assertEquals(953.333, pair.base().value(), 1e-3);
        assertEquals(952.5, pair.head().value(), 1e-9);
    }

    @Test
    void thePairsCutNeverTakesMoreThanHalfOfTheShorterSeries() {
        double[] warmUp = {50, 48, 46, 44, 42, 10, 10, 10, 10, 10};
        double[] shortSteady = {10, 10, 10, 10};
        assertTrue(SteadyState.settle(warmUp, shortSteady).dropped() <= 2);
    }

    @Test
    void shortSeriesAreKeptWhole() {
        assertEquals(0, SteadyState.truncation(new double[] {30, 10, 10}));
    }
}
