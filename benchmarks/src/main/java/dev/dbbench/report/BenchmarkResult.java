package dev.dbbench.report;

import java.util.Map;

/**
 * One entry of JMH's JSON: a benchmark method run with one combination of parameters.
 *
 * @param benchmark the fully qualified method, e.g. {@code dev.dbbench.bench.postgres.insert.PgInsertBenchmark.copy}
 * @param params the {@code @Param} values in JMH's order
 */
public record BenchmarkResult(
        String benchmark, String mode, int threads, Map<String, String> params,
        Metric primary, Map<String, Metric> secondary) {

    public BenchmarkResult {
        params = Ordered.copyOf(params);
        secondary = Ordered.copyOf(secondary);
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
