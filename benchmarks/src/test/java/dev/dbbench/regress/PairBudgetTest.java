package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
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
    void aPairIsReckonedAtTheSlowestPairOfTheSameBenchmarksOrElseTheLastPair() {
        PairBudget b = new PairBudget(Duration.ofMinutes(15));
        b.ran(ALL, 105);
        b.ran(ALL, 111);
        b.ran(ALL, 108);
        assertEquals(111, b.pairSeconds(ALL), 1e-9);
        // Just after a look left benchmarks out: the last pair ran more, so it bounds the next one.
        assertEquals(108, b.pairSeconds(TWO), 1e-9);
        b.ran(TWO, 63);
        b.ran(TWO, 61);
        assertEquals(63, b.pairSeconds(TWO), 1e-9, "not the 111 s of the pairs that ran every benchmark");
        assertEquals(61, b.pairSeconds(ONE), 1e-9);
    }

    @Test
    void pairsStartOnlyWhenAllOfThemUpToTheNextLookFit() {
        PairBudget b = new PairBudget(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            b.ran(ALL, 110);
        }
        b.ran(TWO, 70);
        b.ran(TWO, 72);
        // After the look at 7 pairs, 11.7 min in: two pairs of 72 s reach the look at 9.
        assertTrue(b.affords(702, 2, TWO));
        b.ran(TWO, 66);
        b.ran(TWO, 64);
        // After the look at 9, 13.0 min in, one benchmark left: reckoned at the last pair (64 s), the look at 11
        // needs 128 s and 120 are left. The old rule (one pair, the slowest of all) ran a tenth pair that decided nothing.
        assertFalse(b.affords(780, 2, ONE));
        assertTrue(b.affords(780, 1, ONE), "one pair would have fitted, and been spent for nothing");
    }
}
