package dev.dbbench.results;

import java.util.Map;

/**
 * Benchmarks that moved, by their old full name: a result file written before the move is read under
 * the current name, so the report's two-run comparison, the history's trends and the next run's
 * estimate still line up across the move.
 */
public final class BenchmarkNames {
    /**
     * Old name to current name. 2026-12-03: the key-value store's set became a question of its own
     * (its speed-up against get answered nothing), in a class of its own.
     */
    private static final Map<String, String> MOVED = Map.of(
            "dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.set", "dev.dbbench.bench.sqlite.kv.SqliteKvSetBenchmark.set");

    private BenchmarkNames() {}

    /** {@code name}, or where the benchmark it names lives now. */
    public static String current(String name) {
        return MOVED.getOrDefault(name, name);
    }
}
