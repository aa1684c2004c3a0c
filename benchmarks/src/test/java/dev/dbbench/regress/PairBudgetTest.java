package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * How the sequential check reckons its next pairs, with figures like those of the ninth session's checks:
 * pairs of every benchmark at 105-111 s, then shorter pairs as each look leaves decided benchmarks out.
 */
class PairBudgetTest {
    private static final SortedSet<String> ALL = set("borrow", "copy", "streaming", "upsert", "cpu-ruler", "select-ruler");
    private static final SortedSet<String> TWO = set("borrow", "streaming", "cpu-ruler", "select-ruler");
    private static final SortedSet<String> ONE = set("streaming", "cpu-ruler", "select-ruler");

    private static SortedSet<String> set(String... names) {
        return new TreeSet<>(List.of(names));
    }

    @Test
    void theFirstPairAlwaysRuns() {
        assertTrue(new PairBudget(Duration.ofMinutes(1)).affords(3_600, 5, ALL));
    }

    @Test
    void aPairIsReckonedAtTheSlowestPairOfTheSameBenchmarksOrElseTheLastPairWhenNothingElseIsKnown() {
        PairBudget b = new PairBudget(Duration.ofMinutes(15));
        b.ran(ALL, 105, ForkLog.Times.NONE);
        b.ran(ALL, 111, ForkLog.Times.NONE);
        b.ran(ALL, 108, ForkLog.Times.NONE);
        assertEquals(111, b.pairSeconds(ALL), 1e-9);
        // Just after a look left benchmarks out: the last pair ran more, so it bounds the next one.
        assertEquals(108, b.pairSeconds(TWO), 1e-9);
        b.ran(TWO, 63, ForkLog.Times.NONE);
        b.ran(TWO, 61, ForkLog.Times.NONE);
        assertEquals(63, b.pairSeconds(TWO), 1e-9, "not the 111 s of the pairs that ran every benchmark");
        assertEquals(61, b.pairSeconds(ONE), 1e-9);
    }

    @Test
    void afterALookThePairIsReckonedAtTheRemainingBenchmarksPartOfEarlierPairs() {
        PairBudget b = new PairBudget(Duration.ofMinutes(15));
        // Seconds summed over a pair's two forks: start-up 8 s, the single-shot streaming far the longest.
        ForkLog.Times first = times(8, 30, 40, 120, 50, 12, 20);
        ForkLog.Times second = times(8, 28, 36, 100, 44, 12, 20);
        b.ran(ALL, 150, first);
        b.ran(ALL, 130, second);
        // The first pair: 150 s of which (8 + 30 + 120 + 12 + 20) / 280 went to what is left (pairs run in a duet,
        // so a pair's wall clock is about half its forks' sum; the share carries over).
        assertEquals(150 * 190 / 280.0, b.pairSeconds(TWO), 1e-9);
        assertEquals(150 * 160 / 280.0, b.pairSeconds(ONE), 1e-9);
        b.ran(TWO, 95, times(8, 30, 0, 100, 0, 12, 20));
        assertEquals(95, b.pairSeconds(TWO), 1e-9, "once the same benchmarks ran, their slowest pair");
    }

    @Test
    void withoutTheMomentsTheBenchmarksBeganItIsTheLastPairWhole() {
        PairBudget b = new PairBudget(Duration.ofMinutes(15));
        b.ran(ALL, 150, times(8, 30, 40, 120, 50, 12, 20));
        b.ran(ALL, 130, ForkLog.Times.NONE);
        assertEquals(150 * 190 / 280.0, b.pairSeconds(TWO), 1e-9, "a pair whose moments are known still counts");
        PairBudget blind = new PairBudget(Duration.ofMinutes(15));
        blind.ran(ALL, 150, ForkLog.Times.NONE);
        blind.ran(ALL, 130, ForkLog.Times.NONE);
        assertEquals(130, blind.pairSeconds(TWO), 1e-9);
    }

    /** A pair's times: start-up, then borrow, copy, streaming, upsert, the CPU ruler and the SELECT 1 ruler. */
    private static ForkLog.Times times(double before, double borrow, double copy, double streaming, double upsert, double cpu,
                                       double select) {
        SortedMap<String, Double> s = new TreeMap<>();
        s.put("borrow", borrow);
        s.put("streaming", streaming);
        s.put("cpu-ruler", cpu);
        s.put("select-ruler", select);
        if (copy > 0) {
            s.put("copy", copy);
        }
        if (upsert > 0) {
            s.put("upsert", upsert);
        }
        return new ForkLog.Times(before, s);
    }

    @Test
    void pairsStartOnlyWhenAllOfThemUpToTheNextLookFit() {
        PairBudget b = new PairBudget(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            b.ran(ALL, 110, ForkLog.Times.NONE);
        }
        b.ran(TWO, 70, ForkLog.Times.NONE);
        b.ran(TWO, 72, ForkLog.Times.NONE);
        // After the look at 7 pairs, 11.7 min in: two pairs of 72 s reach the look at 9.
        assertTrue(b.affords(702, 2, TWO));
        b.ran(TWO, 66, ForkLog.Times.NONE);
        b.ran(TWO, 64, ForkLog.Times.NONE);
        // After the look at 9, 13.0 min in, one benchmark left: reckoned at the last pair (64 s), the look at 11
        // needs 128 s and 120 are left. The old rule (one pair, the slowest of all) ran a tenth pair that decided nothing.
        assertFalse(b.affords(780, 2, ONE));
        assertTrue(b.affords(780, 1, ONE), "one pair would have fitted, and been spent for nothing");
    }
}
