package dev.dbbench.report;

import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.Metric;

import static dev.dbbench.report.Fixtures.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Variants that ran out of memory are listed, not ranked; variants whose iterations still drift are flagged. */
class FailuresAndTrendsTest {
    private static final String CLASS = "fixture.heap.SmallHeapBenchmark";

    @Test
    void aVariantThatRanOutOfMemoryIsListedLastUnrankedAndIsNoBaseline() {
        // PgSmallHeapStreamingBenchmark's shape: loadAll "finishes" first because failing is quick.
        BenchmarkResult loadAll = result("loadAll", metric("ms/op", new double[] {1400, 1450}),
                metric("#", new double[] {1, 1}));
        BenchmarkResult stream = result("stream", metric("ms/op", new double[] {1600, 1650}),
                metric("#", new double[] {0, 0}));
        List<QuestionReport> reports = Analysis.questions(List.of(loadAll, stream), List.of(), Fixtures.catalog());

        Group g = reports.get(0).groups().get(0);
        assertEquals(List.of("stream", "loadAll"), g.rows().stream().map(Row::variant).toList());
        assertEquals("stream", g.baseline());
        assertEquals(Optional.of("ran out of memory in 2 of 2 iterations"), g.rows().get(1).failure());
        assertTrue(Double.isNaN(g.rows().get(1).speedUp().ratio()), "no speed-up for a variant that failed");
        assertTrue(g.note().orElseThrow().contains("loadAll ran out of memory"), g.note().toString());
        assertEquals(" (not ranked: ran out of memory in 2 of 2 iterations)", Report.flags(g.rows().get(1)));
    }

    @Test
    void aDriftOfMoreThanTenPercentBetweenHalvesIsFlagged() {
        Metric settling = metric("ms/op", new double[] {14, 13, 10, 10});
        assertEquals(Optional.of("still trending: iteration medians 13.5 then 10 ms/op (-26%)"), Trend.of(settling));
        Metric steady = metric("ms/op", new double[] {10, 10.5, 9.8, 10.2}, new double[] {11, 10.6, 10.9, 10.7});
        assertEquals(Optional.empty(), Trend.of(steady));
    }

    @Test
    void tooFewIterationsSayNothingAboutATrend() {
        assertEquals(Optional.empty(), Trend.of(metric("ms/op", new double[] {20, 10, 5})));
    }

    @Test
    void anyForkThatDriftsIsEnough() {
        Metric oneDrifts = metric("ms/op", new double[] {10, 10, 10, 10}, new double[] {10, 10, 12, 12});
        assertTrue(Trend.of(oneDrifts).orElseThrow().endsWith("(+20%)"), Trend.of(oneDrifts).toString());
        assertFalse(Trend.of(metric("ms/op", new double[] {10, 10, 10.9, 10.9})).isPresent(), "9% is under the threshold");
    }

    private static BenchmarkResult result(String method, Metric time, Metric outOfMemory) {
        return new BenchmarkResult(CLASS + "." + method, "ss", 1, Map.of(), time, Map.of(Row.OUT_OF_MEMORY, outOfMemory));
    }
}
