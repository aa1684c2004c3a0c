package dev.dbbench.report;

import dev.dbbench.results.BenchmarkResult;

import static dev.dbbench.report.Fixtures.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PgTransferBenchmark's shape: one method per thread count, so the thread count is the variant. */
class ScalingTest {
    private static final String CLASS = "fixture.txn.TransferBenchmark";

    @Test
    void methodsThatEachFixTheirThreadCountShareOneGroup() {
        List<BenchmarkResult> results = List.of(
                transfer("threads1", 1, 100, 0), transfer("threads2", 2, 180, 3), transfer("threads8", 8, 400, 40));
        List<QuestionReport> reports = Analysis.questions(results, List.of(), Fixtures.catalog());

        List<Group> groups = reports.get(0).groups();
        assertEquals(1, groups.size(), "one group per accounts value, not one per thread count");
        assertEquals(Map.of("accounts", "10"), groups.get(0).conditions());
        assertEquals(List.of("threads8", "threads2", "threads1"), groups.get(0).rows().stream().map(Row::variant).toList());
        Row eight = groups.get(0).row("threads8").orElseThrow();
        assertTrue(Report.secondary(eight).endsWith("; retries per transfer: 0.1"), Report.secondary(eight));
    }

    /** {@code ops} transfers per second in each of 3 iterations, {@code retries} of them retried per iteration. */
    private static BenchmarkResult transfer(String method, int threads, double ops, double retries) {
        return new BenchmarkResult(CLASS + "." + method, "thrpt", threads, Map.of("accounts", "10"),
                metric("ops/s", new double[] {ops, ops, ops}),
                Map.of("transfers", metric("#", new double[] {ops, ops, ops}),
                        "retries", metric("#", new double[] {retries, retries, retries})));
    }
}
