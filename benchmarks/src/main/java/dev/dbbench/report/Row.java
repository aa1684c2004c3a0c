package dev.dbbench.report;

import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One variant in a group: its primary metric converted to the group's unit, its speed-up over the
 * group's baseline, and the secondary metrics as JMH reported them.
 */
public record Row(String variant, BenchmarkResult result, Metric metric, SpeedUp speedUp) {
    /**
     * The counter a benchmark sets when a variant could not do its work: its time is then how long it took
     * to fail, not a speed to rank (PgSmallHeapStreamingBenchmark's loadAll in a 64 MB heap).
     */
    static final String OUT_OF_MEMORY = "outOfMemory";

    public Map<String, Metric> secondary() {
        return result == null ? Map.of() : result.secondary();
    }

    /** "ran out of memory in 2 of 2 iterations" when the variant failed in any iteration; such a row is not ranked. */
    public Optional<String> failure() {
        Metric oom = secondary().get(OUT_OF_MEMORY);
        if (oom == null) {
            return Optional.empty();
        }
        List<Sample> iterations = oom.forks().stream().flatMap(List::stream).toList();
        long failed = iterations.stream().filter(s -> s.total() > 0).count();
        return failed == 0 ? Optional.empty()
                : Optional.of("ran out of memory in " + failed + " of " + iterations.size() + " iterations");
    }

    /** Whether its measured iterations still drift (see {@link Trend}). */
    public Optional<String> trend() {
        return Trend.of(metric);
    }
}
