package dev.dbbench.results;

import java.util.Map;

/**
 * One entry of JMH's JSON: a benchmark method run with one combination of parameters.
 *
 * @param benchmark the fully qualified method, e.g. {@code dev.dbbench.bench.postgres.insert.PgInsertBenchmark.copy}
 * @param params the {@code @Param} values in JMH's order
 * @param settings forks, iterations and their times as JMH recorded them
 */
public record BenchmarkResult(
        String benchmark, String mode, int threads, Map<String, String> params,
        Metric primary, Map<String, Metric> secondary, JmhSettings settings) {

    public BenchmarkResult {
        params = Ordered.copyOf(params);
        secondary = Ordered.copyOf(secondary);
    }

    /** A result made in code (tests, examples), whose JMH settings are not known. */
    public BenchmarkResult(String benchmark, String mode, int threads, Map<String, String> params,
                           Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, params, primary, secondary, JmhSettings.UNKNOWN);
    }

    public String className() {
        return classOf(benchmark);
    }

    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    static String classOf(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(0, dot);
    }
}
