package dev.dbbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.report.ClaimCheck.Measured;
import dev.dbbench.report.ClaimCheck.Outcome;
import dev.dbbench.report.ClaimCheck.Verdict;
import dev.dbbench.results.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12's test of two runs: claims changed, flips between holds and does not hold, disjoint intervals. */
class ClaimAgreementTest {
    private static final Claim CLAIM = new Claim(1, "batch is 10x faster", "perRow", "batch", 10, Map.of(), "", Claim.Source.GUIDE,
            "3", "10x faster", "");
    private static final Question QUESTION = new Question("x.InsertBenchmark", "How to insert?", Optional.empty(), Optional.of("perRow"),
            List.of(CLAIM), true);

    @TempDir
    Path temp;

    @Test
    void aRunAgreesWithItselfCompletely() {
        Comparison c = Comparison.of(RunFolder.read(Fixtures.copyRun("run-a", temp)), RunFolder.read(Fixtures.copyRun("run-a", temp.resolve("again"))),
                Fixtures.catalog());
        ClaimAgreement agreement = c.agreement();
        assertEquals(0, agreement.changed());
        assertEquals(0, agreement.disjoint());
        assertTrue(agreement.holdsUp(), agreement.summary());
    }

    @Test
    void countsChangesFlipsAndDisjointIntervals() {
        List<Comparison.ClaimPair> pairs = new ArrayList<>();
        // Holds in both, overlapping intervals: no change.
        pairs.add(pair(check(Verdict.HOLDS, group("rows=1000", new SpeedUp(20, 15, 25))), check(Verdict.HOLDS, group("rows=1000", new SpeedUp(18, 14, 22)))));
        // Holds, then does not hold, with disjoint intervals: a flip, and one interval disjoint.
        pairs.add(pair(check(Verdict.HOLDS, group("rows=1000", new SpeedUp(16, 14, 18))), check(Verdict.DOES_NOT_HOLD, group("rows=1000", new SpeedUp(8, 7, 9)))));
        // Holds, then inconclusive: a change, not a flip; overlapping.
        pairs.add(pair(check(Verdict.HOLDS, group("rows=1000", new SpeedUp(20, 17, 24))), check(Verdict.INCONCLUSIVE, group("rows=1000", new SpeedUp(13, 9.8, 17)))));
        // Insufficient data on one side: not counted at all.
        pairs.add(pair(check(Verdict.INSUFFICIENT_DATA, group("rows=1000", new SpeedUp(1, 0.5, 2))), check(Verdict.HOLDS, group("rows=1000", new SpeedUp(20, 15, 25)))));

        ClaimAgreement a = ClaimAgreement.of(pairs);
        assertEquals(3, a.claims());
        assertEquals(2, a.changed());
        assertEquals(1, a.flipped());
        assertEquals(3, a.intervals());
        assertEquals(1, a.disjoint());
        assertFalse(a.holdsUp(), "a flip never holds up");
        assertTrue(a.summary().startsWith("2 of 3 claims changed verdict (1 between holds and does not hold); 1 of 3 speed-up intervals disjoint (33.3%)"),
                a.summary());
        assertTrue(a.changes().stream().anyMatch(s -> s.contains("[flip]")), a.changes().toString());
    }

    @Test
    void theBarIsAtMostTwoChangesAndFivePercentDisjoint() {
        assertTrue(new ClaimAgreement(40, 2, 0, 40, 2, List.of()).holdsUp());
        assertFalse(new ClaimAgreement(40, 3, 0, 40, 0, List.of()).holdsUp());
        assertFalse(new ClaimAgreement(40, 0, 0, 40, 3, List.of()).holdsUp(), "3 of 40 is 7.5%");
    }

    @Test
    void intervalsTouchingAtAPointOverlap() {
        assertTrue(ClaimAgreement.overlap(new SpeedUp(2, 1, 3), new SpeedUp(4, 3, 5)));
        assertFalse(ClaimAgreement.overlap(new SpeedUp(2, 1, 2.9), new SpeedUp(4, 3, 5)));
    }

    @Test
    void theComparisonPageStatesTheAgreement() throws Exception {
        Path index = Reports.compare(Fixtures.copyRun("run-a", temp), Fixtures.copyRun("run-b", temp), Optional.empty(), Fixtures.catalog());
        String summary = Files.readString(index.resolveSibling("summary.md"));
        assertTrue(summary.contains("**Agreement:** "), summary);
        assertTrue(Files.readString(index).contains("<p class=\"agreement\">"));
    }

    private static Comparison.ClaimPair pair(ClaimCheck a, ClaimCheck b) {
        return new Comparison.ClaimPair(QUESTION, CLAIM, a, b);
    }

    private static ClaimCheck check(Verdict verdict, Measured measured) {
        return new ClaimCheck(QUESTION, CLAIM, List.of(measured), verdict, verdict.name().toLowerCase());
    }

    private static Measured group(String condition, SpeedUp s) {
        String[] kv = condition.split("=");
        Group g = new Group(Map.of(kv[0], kv[1]), "ms/op", false, "perRow", Optional.empty(), List.of(), null);
        return new Measured(g, s, Outcome.HOLDS);
    }
}
