package dev.dbbench.results;

import java.util.List;
import java.util.Map;

/**
 * A benchmark x parameter combination that produced no result, as the run records it in
 * {@code failures.json} and the report reads it back.
 *
 * @param benchmark the JMH name, {@code package.Class.method}
 * @param mode      JMH's short mode label ({@code thrpt}, {@code avgt}, ...); empty when a file did not say
 * @param params    the parameter values of the combination, in declaration order
 * @param reason    one line: what went wrong
 * @param error     the first lines of the error JMH reported (exception and stack, or the dead fork's output)
 */
public record Failure(String benchmark, String mode, Map<String, String> params, String reason, List<String> error) {
    public Failure {
        params = Ordered.copyOf(params);
        error = List.copyOf(error);
    }

    public String className() {
        return BenchmarkResult.classOf(benchmark);
    }

    /** The one line for tables: the reason. */
    public String headline() {
        return reason;
    }

    /** The reason and the error's lines, as {@code failures.json} holds them in "error". */
    public String text() {
        return String.join("\n", java.util.stream.Stream.concat(java.util.stream.Stream.of(reason), error.stream()).toList());
    }
}
