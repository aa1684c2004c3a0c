package dev.dbbench.report;

import java.util.Map;

/**
 * One of the guide's claims a benchmark class can check: {@code variant} is at least {@code factor}
 * times faster than {@code baseline}, in the parameter groups matching {@code where} (all when empty),
 * judged on the primary score or, when {@code metric} is not empty, on that secondary metric (e.g. the
 * readers' throughput of a JMH group whose score adds readers and writer together).
 */
public record Claim(int number, String text, String baseline, String variant, double factor,
                    Map<String, String> where, String metric) {
    public Claim {
        where = Ordered.copyOf(where);
        metric = metric == null ? "" : metric;
    }

    public Claim(int number, String text, String baseline, String variant, double factor, Map<String, String> where) {
        this(number, text, baseline, variant, factor, where, "");
    }

    /** "WAL vs DELETE", with the secondary metric named when the claim is judged on one. */
    public String compared() {
        return variant + " vs " + baseline + (metric.isEmpty() ? "" : " (" + metric + ")");
    }
}
