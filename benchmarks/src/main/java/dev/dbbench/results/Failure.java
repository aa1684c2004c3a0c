package dev.dbbench.results;

import java.util.List;
import java.util.Map;

/**
 * A benchmark x parameter combination that produced no result.
 *
 * @param benchmark the JMH name, {@code package.Class.method}
 * @param mode      JMH's short mode label ({@code thrpt}, {@code avgt}, ...)
 * @param params    the parameter values of the combination, in declaration order
 * @param reason    one line: what went wrong
 * @param error     the first lines of the error JMH reported (exception and stack, or the dead fork's output)
 */
public record Failure(String benchmark, String mode, Map<String, String> params, String reason, List<String> error) {
    public Failure {
        params = Map.copyOf(params);
        error = List.copyOf(error);
    }
}
