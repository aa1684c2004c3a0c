package dev.dbbench.report;

import java.util.Map;

/**
 * One of the guide's claims a benchmark class can check: {@code variant} is at least {@code factor}
 * times faster than {@code baseline}, in the parameter groups matching {@code where} (all when empty),
 * judged on the primary score or, when {@code metric} is not empty, on that secondary metric (e.g. the
 * readers' throughput of a JMH group whose score adds readers and writer together).
 *
 * <p>A claim with {@code statements} (not NaN) is of another kind: {@code variant} sends exactly that
 * many SQL statements per operation ("a single query"), judged on the counter {@code metric}
 * ({@value #STATEMENTS_METRIC} unless named) in every measured iteration; it has no baseline.
 */
public record Claim(int number, String text, String baseline, String variant, double factor,
                    Map<String, String> where, String metric, double statements) {
    /** The secondary metric a statement claim reads unless it names another: the bench modules' statement counter. */
    public static final String STATEMENTS_METRIC = "statementsPerOp";

    public Claim {
        where = Ordered.copyOf(where);
        metric = metric == null || metric.isEmpty() ? (Double.isNaN(statements) ? "" : STATEMENTS_METRIC) : metric;
        baseline = baseline == null ? "" : baseline;
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where, String metric) {
        this(number, text, baseline, variant, factor, where, metric, Double.NaN);
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where) {
        this(number, text, baseline, variant, factor, where, "");
    }

    /** Whether this claim is about the statements per operation rather than speed. */
    public boolean countsStatements() {
        return !Double.isNaN(statements);
    }

    /** "WAL vs DELETE", with the secondary metric named when the claim is judged on one; "joinFetch (statementsPerOp)" for a statement claim. */
    public String compared() {
        if (countsStatements()) {
            return variant + " (" + metric + ")";
        }
        return variant + " vs " + baseline + (metric.isEmpty() ? "" : " (" + metric + ")");
    }

    /** What is claimed, for the claims table: "2x", or "1 statement". */
    public String claimed() {
        if (countsStatements()) {
            return Format.number(statements) + (statements == 1 ? " statement" : " statements");
        }
        return Format.factor(factor);
    }
}
