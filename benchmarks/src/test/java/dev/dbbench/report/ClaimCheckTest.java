package dev.dbbench.report;

import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.Metric;
import dev.dbbench.results.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimCheckTest {
    @TempDir
    Path temp;

    @Test
    void everyVerdictHasItsOwnStyleInTheReport() {
        // A verdict without a rule would show as plain text, and "insufficient data" would look like a finding.
        for (ClaimCheck.Verdict v : ClaimCheck.Verdict.values()) {
            assertTrue(HtmlPage.CSS.contains(".verdict." + HtmlPage.cssClass(v) + "{"), "no CSS rule for verdict " + v);
        }
    }

    @Test
    void outcomeComparesTheWholeIntervalWithTheClaimedFactor() {
        assertEquals(ClaimCheck.Outcome.HOLDS, ClaimCheck.outcome(new SpeedUp(12, 10.5, 13), 10));
        assertEquals(ClaimCheck.Outcome.HOLDS, ClaimCheck.outcome(new SpeedUp(12, 10, 13), 10));
        assertEquals(ClaimCheck.Outcome.DOES_NOT_HOLD, ClaimCheck.outcome(new SpeedUp(5, 4.9, 5.1), 10));
        assertEquals(ClaimCheck.Outcome.INCONCLUSIVE, ClaimCheck.outcome(new SpeedUp(9.8, 9.2, 10.3), 10));
        // "faster" (factor 1): the interval must be above 1, not merely touch it.
        assertEquals(ClaimCheck.Outcome.HOLDS, ClaimCheck.outcome(new SpeedUp(1.2, 1.1, 1.3), 1));
        assertEquals(ClaimCheck.Outcome.INCONCLUSIVE, ClaimCheck.outcome(new SpeedUp(1.0, 1.0, 1.0), 1));
        assertEquals(ClaimCheck.Outcome.INCONCLUSIVE, ClaimCheck.outcome(new SpeedUp(1.01, 0.97, 1.05), 1));
        assertEquals(ClaimCheck.Outcome.DOES_NOT_HOLD, ClaimCheck.outcome(new SpeedUp(0.5, 0.45, 0.55), 1));
        assertEquals(ClaimCheck.Outcome.INCONCLUSIVE, ClaimCheck.outcome(new SpeedUp(3, Double.NaN, Double.NaN), 1));
    }

    @Test
    void verdictsOnTheFixtureRun() {
        Report report = Report.of(RunFolder.read(Fixtures.copyRun("run-a", temp)), Fixtures.catalog());
        Map<String, ClaimCheck> byText = new HashMap<>();
        report.claims().forEach(c -> byText.put(c.claim().text(), c));

        ClaimCheck oneTx = byText.get("Bulk insert in one transaction is faster than a commit per row");
        assertEquals(ClaimCheck.Verdict.HOLDS, oneTx.verdict());
        assertEquals(2, oneTx.measured().size());
        assertEquals(10.0, oneTx.measured().get(0).speedUp().ratio(), 1e-9);

        ClaimCheck values = byText.get("Paged multi-row VALUES is \"10x faster than individual INSERTs\"");
        assertEquals(ClaimCheck.Verdict.HOLDS_ONLY_WHEN, values.verdict());
        assertEquals("holds only when rows=100000", values.verdictText());
        assertEquals(5.0, values.measured().get(0).speedUp().ratio(), 1e-9);
        assertEquals(25.0, values.measured().get(1).speedUp().ratio(), 1e-9);

        ClaimCheck atFiveThousand = byText.get("Multi-row VALUES at 5,000 rows is faster than per-row commits");
        assertEquals(ClaimCheck.Verdict.NOT_MEASURED, atFiveThousand.verdict());
        assertEquals("not measured in this run (no group has both perRowCommit and multiRowValues where rows=5000)",
                atFiveThousand.verdictText());

        ClaimCheck pool = byText.get("Connection pooling improves throughput \"dramatically\"");
        assertEquals(ClaimCheck.Verdict.HOLDS, pool.verdict());
        assertEquals(25.0, pool.measured().get(0).speedUp().ratio(), 1e-9);

        ClaimCheck async = byText.get("Async is \"2-5x faster\"");
        assertEquals("not measured in this run (benchmarks failed: see Failed benchmarks)", async.verdictText());

        ClaimCheck paging = byText.get("Keyset paging beats OFFSET on deep pages");
        assertEquals(ClaimCheck.Verdict.NOT_MEASURED, paging.verdict());
        assertEquals("not measured in this run", paging.verdictText());
    }

    @Test
    void conditionNamesTheParameterThatSeparatesHoldingGroups() {
        ClaimCheck.Measured small = measured(Map.of("rows", "1000", "batch", "10"), ClaimCheck.Outcome.DOES_NOT_HOLD);
        ClaimCheck.Measured bigA = measured(Map.of("rows", "100000", "batch", "10"), ClaimCheck.Outcome.HOLDS);
        ClaimCheck.Measured bigB = measured(Map.of("rows", "100000", "batch", "100"), ClaimCheck.Outcome.HOLDS);
        assertEquals("rows=100000", ClaimCheck.condition(List.of(bigA, bigB), List.of(small, bigA, bigB)));
    }

    @Test
    void conditionFallsBackToGroupLabelsWhenNoSingleParameterSeparates() {
        ClaimCheck.Measured a = measured(ordered("rows", "1000", "batch", "10"), ClaimCheck.Outcome.HOLDS);
        ClaimCheck.Measured b = measured(ordered("rows", "1000", "batch", "100"), ClaimCheck.Outcome.DOES_NOT_HOLD);
        ClaimCheck.Measured c = measured(ordered("rows", "100000", "batch", "10"), ClaimCheck.Outcome.DOES_NOT_HOLD);
        ClaimCheck.Measured d = measured(ordered("rows", "100000", "batch", "100"), ClaimCheck.Outcome.HOLDS);
        assertEquals("rows=1000, batch=10 or rows=100000, batch=100",
                ClaimCheck.condition(List.of(a, d), List.of(a, b, c, d)));
    }

    @Test
    void mixedFailingAndInconclusiveGroupsDoNotHold() {
        Question q = new Question("x.Y", "Q?", Optional.empty(), Optional.of("slow"), List.of(), true);
        Claim claim = new Claim(1, "fast is 2x faster", "slow", "fast", 2, Map.of());
        Group clear = group(Map.of("n", "1"), forks(10, 10), forks(9, 9));
        Group unclear = group(Map.of("n", "2"), forks(16, 24), forks(10, 10));
        ClaimCheck check = ClaimCheck.check(q, claim,
                Optional.of(new QuestionReport(q, List.of(clear, unclear), List.of())));
        assertEquals(ClaimCheck.Verdict.DOES_NOT_HOLD, check.verdict());
        assertEquals("does not hold (inconclusive when n=2)", check.verdictText());
    }

    @Test
    void aClaimOnASecondaryMetricIsJudgedOnThatMetricNotTheScore() {
        Question q = new Question("x.Y", "Q?", Optional.of("journalMode"), Optional.of("DELETE"), List.of(), true);
        Claim claim = new Claim(1, "WAL lets readers read", "DELETE", "WAL", 1, Map.of(), "reader");
        // Totals say DELETE is better; the readers' own throughput says WAL is 10x better.
        Metric deleteTotal = Fixtures.metric("ops/s", new double[] {500, 510, 490}, new double[] {500, 510, 490});
        Metric walTotal = Fixtures.metric("ops/s", new double[] {400, 410, 390}, new double[] {400, 410, 390});
        Metric deleteReads = Fixtures.metric("ops/s", new double[] {10, 11, 9}, new double[] {10, 11, 9});
        Metric walReads = Fixtures.metric("ops/s", new double[] {100, 110, 90}, new double[] {100, 110, 90});
        BenchmarkResult delete = new BenchmarkResult("x.Y.m", "thrpt", 4, Map.of("journalMode", "DELETE"), deleteTotal, Map.of("reader", deleteReads));
        BenchmarkResult wal = new BenchmarkResult("x.Y.m", "thrpt", 4, Map.of("journalMode", "WAL"), walTotal, Map.of("reader", walReads));
        Group g = new Group(Map.of(), "ops/s", true, "DELETE", Optional.empty(), List.of(
                new Row("DELETE", delete, deleteTotal, SpeedUp.of(deleteTotal, deleteTotal, true)),
                new Row("WAL", wal, walTotal, SpeedUp.of(deleteTotal, walTotal, true))), "c.png");

        ClaimCheck check = ClaimCheck.check(q, claim, Optional.of(new QuestionReport(q, List.of(g), List.of())));

        assertEquals(10.0, check.measured().get(0).speedUp().ratio(), 1e-9);
        assertEquals(ClaimCheck.Verdict.HOLDS, check.verdict());
        assertEquals("WAL vs DELETE (reader)", claim.compared());
    }

    @Test
    void oneForkGivesInsufficientDataNeverAVerdict() {
        Question q = new Question("x.Y", "Q?", Optional.empty(), Optional.of("slow"), List.of(), true);
        Claim claim = new Claim(1, "fast is 2x faster", "slow", "fast", 2, Map.of());
        // 100x faster by its score, but from one fork: a second run could draw a very different fork.
        Group g = group(Map.of(), Fixtures.metric("ms/op", new double[] {100, 100, 100}),
                Fixtures.metric("ms/op", new double[] {1, 1, 1}));
        ClaimCheck check = ClaimCheck.check(q, claim, Optional.of(new QuestionReport(q, List.of(g), List.of())));
        assertEquals(ClaimCheck.Verdict.INSUFFICIENT_DATA, check.verdict());
        assertEquals("insufficient data (1 fork × 3 iterations)", check.verdictText());
        assertEquals(ClaimCheck.Outcome.INSUFFICIENT_DATA, check.measured().get(0).outcome());
    }

    @Test
    void twoIterationsPerForkAreBelowTheMinimumToo() {
        Question q = new Question("x.Y", "Q?", Optional.empty(), Optional.of("slow"), List.of(), true);
        Claim claim = new Claim(1, "fast is 2x faster", "slow", "fast", 2, Map.of());
        Group g = group(Map.of(), Fixtures.metric("ms/op", new double[] {100, 100}, new double[] {100, 100}),
                forks(1, 1));
        ClaimCheck check = ClaimCheck.check(q, claim, Optional.of(new QuestionReport(q, List.of(g), List.of())));
        assertEquals("insufficient data (2 forks × 2 iterations)", check.verdictText());
    }

    @Test
    void groupsWithEnoughDataAreJudgedAndTheOthersNamed() {
        Question q = new Question("x.Y", "Q?", Optional.empty(), Optional.of("slow"), List.of(), true);
        Claim claim = new Claim(1, "fast is 2x faster", "slow", "fast", 2, Map.of());
        Group enough = group(Map.of("n", "1"), forks(10, 10), forks(1, 1));
        Group oneFork = group(Map.of("n", "2"), Fixtures.metric("ms/op", new double[] {10, 10, 10}),
                Fixtures.metric("ms/op", new double[] {9, 9, 9}));
        ClaimCheck check = ClaimCheck.check(q, claim,
                Optional.of(new QuestionReport(q, List.of(enough, oneFork), List.of())));
        assertEquals(ClaimCheck.Verdict.HOLDS, check.verdict());
        assertEquals("holds; insufficient data when n=2", check.verdictText());
    }

    @Test
    void aSmokeRunGivesNoVerdicts() {
        Claim claim = new Claim(1, "fast is 2x faster", "slow", "fast", 2, Map.of());
        Question q = new Question("x.Y", "Q?", Optional.empty(), Optional.of("slow"), List.of(claim), true);
        Group g = group(Map.of(), forks(10, 10), forks(1, 1));
        List<QuestionReport> reports = List.of(new QuestionReport(q, List.of(g), List.of()));
        assertEquals(ClaimCheck.Verdict.HOLDS, ClaimCheck.all(List.of(q), reports, Optional.of("quick")).get(0).verdict());
        ClaimCheck smoke = ClaimCheck.all(List.of(q), reports, Optional.of("smoke")).get(0);
        assertEquals(ClaimCheck.Verdict.NO_VERDICT, smoke.verdict());
        assertEquals(1, smoke.measured().size(), "the figures are still shown");
    }

    /** Two forks of three iterations, every iteration of fork i at {@code forkMeans[i]}. */
    private static Metric forks(double first, double second) {
        return Fixtures.metric("ms/op", new double[] {first, first, first}, new double[] {second, second, second});
    }

    @Test
    void aStatementsClaimHoldsOnlyWhenEveryIterationCountedExactlyThatMany() {
        Question q = new Question("x.Y", "Q?", Optional.empty(), Optional.of("lazy"), List.of(), true);
        Claim single = new Claim(1, "joinedload: a single query", "", "joinFetch", 1, Map.of(), "", 1);
        Claim two = new Claim(2, "subqueryload: two queries", "", "lazy", 1, Map.of(), "", 2);
        Claim absent = new Claim(3, "entity graph: one query", "", "entityGraph", 1, Map.of(), "", 1);
        // JMH's score of an EVENTS counter adds the iterations up (3 here); the raw iterations are per operation.
        Metric time = Fixtures.metric("ms/op", new double[] {5, 5, 5});
        Metric one = Fixtures.metric("#", new double[] {1, 1}, new double[] {1});
        Metric lazyCount = Fixtures.metric("#", new double[] {1001, 1001, 1001});
        BenchmarkResult join = new BenchmarkResult("x.Y.joinFetch", "avgt", 1, Map.of(), time, Map.of("statementsPerOp", one));
        BenchmarkResult lazy = new BenchmarkResult("x.Y.lazy", "avgt", 1, Map.of(), time, Map.of("statementsPerOp", lazyCount));
        Group g = new Group(Map.of(), "ms/op", false, "lazy", Optional.empty(), List.of(
                new Row("lazy", lazy, time, SpeedUp.of(time, time, false)),
                new Row("joinFetch", join, time, SpeedUp.of(time, time, false))), "c.png");
        Optional<QuestionReport> report = Optional.of(new QuestionReport(q, List.of(g), List.of()));

        ClaimCheck holds = ClaimCheck.check(q, single, report);
        assertEquals(ClaimCheck.Verdict.HOLDS, holds.verdict());
        assertEquals("holds (1 per operation)", holds.verdictText());

        ClaimCheck fails = ClaimCheck.check(q, two, report);
        assertEquals(ClaimCheck.Verdict.DOES_NOT_HOLD, fails.verdict());
        assertEquals("does not hold (1001 per operation)", fails.verdictText());

        assertEquals(ClaimCheck.Verdict.NOT_MEASURED, ClaimCheck.check(q, absent, report).verdict());
        assertEquals(ClaimCheck.Verdict.NOT_MEASURED, ClaimCheck.check(q, single, Optional.empty()).verdict());
    }

    private static Group group(Map<String, String> conditions, Metric slow, Metric fast) {
        return new Group(conditions, "ms/op", false, "slow", Optional.empty(), List.of(
                new Row("fast", null, fast, SpeedUp.of(slow, fast, false)),
                new Row("slow", null, slow, SpeedUp.of(slow, slow, false))), "c.png");
    }

    private static ClaimCheck.Measured measured(Map<String, String> conditions, ClaimCheck.Outcome outcome) {
        Group g = new Group(conditions, "ms/op", false, "a", Optional.empty(), List.of(), "c.png");
        return new ClaimCheck.Measured(g, new SpeedUp(1, 1, 1), outcome);
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
