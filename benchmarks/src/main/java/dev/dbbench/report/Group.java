package dev.dbbench.report;

import dev.dbbench.results.Ordered;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The variants of one question run under one set of conditions (the other parameters, and the method,
 * mode or thread count where those vary), ranked fastest first.
 *
 * @param conditions what distinguishes this group from the question's other groups; empty when it has one
 * @param baseline the variant speed-ups are computed against
 * @param note why the baseline is what it is, when that is not the declared one; empty otherwise
 * @param chartFile the chart's file name under {@code charts/}
 */
public record Group(Map<String, String> conditions, String unit, boolean higherIsBetter, String baseline,
                    Optional<String> note, List<Row> rows, String chartFile) {
    public Group {
        conditions = Ordered.copyOf(conditions);
        rows = List.copyOf(rows);
    }

    public String label() {
        return label(conditions);
    }

    static String label(Map<String, String> conditions) {
        return conditions.isEmpty() ? "all runs"
                : conditions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    /** Whether the group has something to compare: a question with one variant (KV get, KV set) has no speed-up. */
    public boolean compares() {
        return rows.size() > 1;
    }

    public Optional<Row> row(String variant) {
        return rows.stream().filter(r -> r.variant().equals(variant)).findFirst();
    }

    /** Whether every name=value of {@code where} is one of this group's conditions. */
    public boolean matches(Map<String, String> where) {
        return where.entrySet().stream().allMatch(e -> e.getValue().equals(conditions.get(e.getKey())));
    }
}
