package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.SequentialRule.Plan;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sequential rule's parts on fixed data: the plan's looks, its spending of alpha, and single
 * looks with known answers. Its error rates on simulated checks are in {@link SequentialPowerTest}.
 */
class SequentialRuleTest {
    private static final double ALPHA = 0.05;
    private static final double THRESHOLD = 0.05;
    /** A plan of four looks, after 8, 10, 12 and 14 pairs (the rule does not depend on a preset's). */
    private static final Plan PLAN = new Plan(8, 2, 4, 8);

    @Test
    void planLooksOnlyAtItsOwnPairCounts() {
        assertEquals(14, PLAN.maxPairs());
        assertTrue(PLAN.isLook(8) && PLAN.isLook(10) && PLAN.isLook(14));
        assertTrue(!PLAN.isLook(6) && !PLAN.isLook(9) && !PLAN.isLook(16));
        assertEquals(0, PLAN.alarmLevel(ALPHA, 9));
        assertEquals(8, PLAN.nextLook(0));
        assertEquals(8, PLAN.nextLook(7));
        assertEquals(10, PLAN.nextLook(8));
        assertEquals(10, PLAN.nextLook(9));
        assertEquals(14, PLAN.nextLook(13));
        BadInputException e = assertThrows(BadInputException.class, () -> new Plan(3, 2, 4, 3));
        assertTrue(e.getMessage().startsWith("--pairs 3 (the first look") && e.getMessage().contains("at least 5"), e.getMessage());
    }

    @Test
    void theLevelsOfTheLooksAddUpToAlphaAndTheLastLookGetsMost() {
        double sum = 0;
        double previous = 0;
        for (int n = PLAN.first(); n <= PLAN.maxPairs(); n += PLAN.every()) {
            double level = PLAN.equivalenceLevel(ALPHA, n);
            assertTrue(level > previous, "each look spends more than the one before: " + level + " after " + previous);
            previous = level;
            sum += level;
        }
        assertEquals(ALPHA, sum, 1e-12);
        assertTrue(PLAN.equivalenceLevel(ALPHA, PLAN.maxPairs()) > ALPHA / 4, "the last look gets more than an equal split");
        // Alarms from 10 pairs: the first alarm look spends what was due by then, so the sum is alpha all the same.
        Plan late = new Plan(8, 2, 4, 10);
        double alarms = 0;
        for (int n = 8; n <= 14; n += 2) {
            alarms += late.alarmLevel(ALPHA, n);
        }
        assertEquals(0, late.alarmLevel(ALPHA, 8));
        assertEquals(ALPHA, alarms, 1e-12);
    }

    @Test
    void aCertainTenPercentSlowdownIsARegressionAndIdenticalForksAreNoChange() {
        double[] slower = {1.10, 1.12, 1.09, 1.11, 1.10, 1.08, 1.12, 1.10};
        double alarm = PLAN.alarmLevel(SequentialRule.hypothesisAlpha(ALPHA * SequentialRule.TIME_SHARE, 10), 8);
        double equivalence = PLAN.equivalenceLevel(ALPHA, 8);
        assertEquals(Verdict.REGRESSION, SequentialRule.look(slower, THRESHOLD, alarm, equivalence).verdict());
        double[] faster = Arrays.stream(slower).map(x -> 1 / x).toArray();
        assertEquals(Verdict.IMPROVEMENT, SequentialRule.look(faster, THRESHOLD, alarm, equivalence).verdict());
        double[] same = {1.0, 1.01, 0.99, 1.0, 1.02, 0.98, 1.0, 1.0};
        assertEquals(Verdict.NO_CHANGE, SequentialRule.look(same, THRESHOLD, alarm, equivalence).verdict());
        // Not an alarm look: a slowdown is left undecided, never called NO_CHANGE.
        assertNull(SequentialRule.look(slower, THRESHOLD, 0, equivalence).verdict());
    }

    @Test
    void deterministicAllocationIsDecidedAtTheFirstLook() {
        // Bytes per operation repeat exactly from fork to fork: a 5% increase is a finding, no change is NO_CHANGE.
        double[] more = new double[8];
        Arrays.fill(more, 1.05);
        double alarm = PLAN.alarmLevel(0.001, 8);
        assertEquals(Verdict.REGRESSION, SequentialRule.look(more, THRESHOLD, alarm, PLAN.equivalenceLevel(ALPHA, 8)).verdict());
        double[] same = new double[8];
        Arrays.fill(same, 1.0);
        assertEquals(Verdict.NO_CHANGE, SequentialRule.look(same, THRESHOLD, alarm, PLAN.equivalenceLevel(ALPHA, 8)).verdict());
    }

    @Test
    void aWideSpreadIsLeftUndecided() {
        double[] wide = {0.7, 1.4, 0.9, 1.3, 0.8, 1.25, 1.0, 1.1};
        SequentialRule.Look look = SequentialRule.look(wide, THRESHOLD, PLAN.alarmLevel(0.005, 8), PLAN.equivalenceLevel(ALPHA, 8));
        assertNull(look.verdict());
        assertTrue(look.equivalenceLower() < 1 / 1.05 && look.equivalenceUpper() > 1.05, look.toString());
    }
}
