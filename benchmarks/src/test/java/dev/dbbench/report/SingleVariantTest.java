package dev.dbbench.report;

import dev.dbbench.results.BenchmarkResult;

import static dev.dbbench.report.Fixtures.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A question with one variant (the key-value store's get, its set) has nothing to compare: no "1.00x vs itself". */
class SingleVariantTest {
    private static final String CLASS = "fixture.kv.KvGetBenchmark";

    @Test
    void aGroupOfOneVariantShowsNoSpeedUp() {
        BenchmarkResult get = new BenchmarkResult(CLASS + ".get", "avgt", 2, Map.of(), metric("us/op", new double[] {4, 4.1}, new double[] {4.2, 4}),
                Map.of());
        Group one = Analysis.questions(List.of(get), List.of(), Fixtures.catalog()).get(0).groups().get(0);

        assertFalse(one.compares());
        assertEquals("-", Report.speedUp(one, one.rows().get(0)));
    }

    @Test
    void aGroupOfTwoVariantsStillShowsItsSpeedUps() {
        BenchmarkResult get = new BenchmarkResult(CLASS + ".get", "avgt", 2, Map.of(), metric("us/op", new double[] {4, 4}, new double[] {4, 4}),
                Map.of());
        BenchmarkResult slow = new BenchmarkResult(CLASS + ".slowGet", "avgt", 2, Map.of(), metric("us/op", new double[] {8, 8}, new double[] {8, 8}),
                Map.of());
        Group two = Analysis.questions(List.of(get, slow), List.of(), Fixtures.catalog()).get(0).groups().get(0);

        assertTrue(two.compares());
        assertEquals("2.00x", Report.speedUp(two, two.rows().get(0)));
    }
}
