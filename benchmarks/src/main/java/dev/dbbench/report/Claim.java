package dev.dbbench.report;

import java.util.Map;

/**
 * One of the guide's claims a benchmark class can check: {@code variant} is at least {@code factor}
 * times faster than {@code baseline}, in the parameter groups matching {@code where} (all when empty).
 */
public record Claim(int number, String text, String baseline, String variant, double factor,
                    Map<String, String> where) {
    public Claim {
        where = Ordered.copyOf(where);
    }
}
