package dev.dbbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures are those of the curated quick run of 2026-11-25 and the streaming run of 2026-12-02. */
class PerIterationTest {

    @Test
    void aPeakIsTheLargestValueOfAnyOneIteration() {
        // StubPoolContentionBenchmark, pool of 4, 3 iterations: JMH's score is 12.
        PerIteration p = PerIteration.of("peakActive", "#", 12, List.of(4.0, 4.0, 4.0));
        assertEquals(4, p.value());
        assertEquals("peakActive (max per iteration)", p.label("peakActive"));
    }

    @Test
    void aCountIsTheMeanPerIteration() {
        // PgSmallHeapStreamingBenchmark.stream read the 1,000,000-row table twice: JMH says 2,000,000.
        PerIteration rows = PerIteration.of("rowsRead", "#", 2_000_000, List.of(1_000_000.0, 1_000_000.0));
        assertEquals(1_000_000, rows.value());
        assertEquals(PerIteration.MEAN, rows.qualifier());
        PerIteration retries = PerIteration.of("retries", "#", 7, List.of(1.0, 2.0, 4.0));
        assertEquals(7.0 / 3, retries.value(), 1e-12);
    }

    @Test
    void theGcProfilersSumsArePerIterationToo() {
        // PgStreamingBenchmark.loadAll: 6,723 ms of GC over three iterations.
        PerIteration gc = PerIteration.of("gc.time", "ms", 6723, List.of(2852.0, 3132.0, 739.0));
        assertEquals(2241, gc.value(), 1e-9);
        assertEquals("gc.time (mean per iteration)", gc.label("gc.time"));
    }

    @Test
    void metricsJmhAveragesAreLeftAsTheyAre() {
        PerIteration alloc = PerIteration.of("gc.alloc.rate.norm", "B/op", 909, List.of(908.5, 908.5, 910.0));
        assertEquals(909, alloc.value());
        assertEquals("", alloc.qualifier());
        PerIteration reads = PerIteration.of("reader", "ops/s", 8293.4, List.of(8692.7, 5688.2, 10499.3));
        assertEquals(8293.4, reads.value());
        assertEquals("reader", reads.label("reader"));
    }

    @Test
    void anUnknownMetricWhoseScoreIsTheSumIsSummed() {
        PerIteration p = PerIteration.of("flushes", "counts", 30, List.of(10.0, 10.0, 10.0));
        assertEquals(10, p.value());
    }
}
