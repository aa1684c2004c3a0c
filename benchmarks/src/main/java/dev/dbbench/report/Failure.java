package dev.dbbench.report;

import java.util.Map;

/** A benchmark that did not produce a result, as recorded in {@code failures.json}. */
public record Failure(String benchmark, Map<String, String> params, String error) {
    public Failure {
        params = Ordered.copyOf(params);
    }

    public String className() {
        return BenchmarkResult.classOf(benchmark);
    }

    /** The first line of the error, for tables. */
    public String headline() {
        String trimmed = error.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
