package dev.dbbench.regress;

import dev.dbbench.report.ScoreUnit;
import java.util.Locale;
import java.util.Set;

/**
 * Which way is worse for a metric, read from its unit and nothing else: a time per operation and
 * bytes per operation are better lower, operations per time better higher. A unit that says neither
 * gets no direction, and the check does not gate it rather than guess from the benchmark's mode (a
 * throughput benchmark's bytes per operation are still better lower).
 */
public enum Direction {
    LOWER_IS_BETTER, HIGHER_IS_BETTER;

    private static final Set<String> BYTES = Set.of("b", "kb", "mb", "gb", "kib", "mib", "gib", "bytes");

    /** The direction of {@code unit}, or null when the unit does not say. */
    public static Direction of(String unit) {
        switch (ScoreUnit.parse(unit).kind()) {
            case TIME_PER_OP:
                return LOWER_IS_BETTER;
            case OPS_PER_TIME:
                return HIGHER_IS_BETTER;
            default:
                break;
        }
        int slash = unit.indexOf('/');
        if (slash > 0 && "op".equals(unit.substring(slash + 1)) && BYTES.contains(unit.substring(0, slash).toLowerCase(Locale.ROOT))) {
            return LOWER_IS_BETTER;
        }
        return null;
    }

    public boolean higherIsBetter() {
        return this == HIGHER_IS_BETTER;
    }
}
