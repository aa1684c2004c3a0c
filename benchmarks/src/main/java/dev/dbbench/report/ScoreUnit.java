package dev.dbbench.report;

import dev.dbbench.results.Metric;

import java.util.Map;
import java.util.Optional;

/**
 * A JMH score unit ({@code ns/op}, {@code ops/ms}, ...) understood well enough to rank and to convert:
 * time per operation (lower is better) or operations per time (higher is better). Any other unit
 * ({@code #}, {@code B/op}) is kept as text and cannot be converted.
 */
public record ScoreUnit(String text, Kind kind, double seconds) {
    public enum Kind { TIME_PER_OP, OPS_PER_TIME, OTHER }

    // JMH's own abbreviations (TimeValue / ScoreFormatter), in seconds.
    private static final Map<String, Double> TIME = Map.of(
            "ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);

    /** {@code metric} in this unit, which must be of the same kind (ms/op to us/op, ops/ms to ops/s). */
    public Metric convert(Metric metric) {
        ScoreUnit own = parse(metric.unit());
        return own.equals(this) ? metric : metric.scaled(own.factorTo(this), text);
    }

    public static ScoreUnit parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            String left = text.substring(0, slash);
            String right = text.substring(slash + 1);
            if ("op".equals(right) && TIME.containsKey(left)) {
                return new ScoreUnit(text, Kind.TIME_PER_OP, TIME.get(left));
            }
            if ("ops".equals(left) && TIME.containsKey(right)) {
                return new ScoreUnit(text, Kind.OPS_PER_TIME, TIME.get(right));
            }
        }
        return new ScoreUnit(text, Kind.OTHER, Double.NaN);
    }

    /** Higher is better for throughput; when the unit says nothing, the JMH mode decides. */
    public static boolean higherIsBetter(String unit, String mode) {
        return switch (parse(unit).kind()) {
            case OPS_PER_TIME -> true;
            case TIME_PER_OP -> false;
            case OTHER -> "thrpt".equals(mode);
        };
    }

    /** The factor that turns a value in this unit into one in {@code target}, if both are of one kind. */
    public Optional<Double> factorIfConvertible(ScoreUnit target) {
        if (equals(target)) {
            return Optional.of(1.0);
        }
        if (kind != target.kind || kind == Kind.OTHER) {
            return Optional.empty();
        }
        return Optional.of(kind == Kind.TIME_PER_OP ? seconds / target.seconds : target.seconds / seconds);
    }

    double factorTo(ScoreUnit target) {
        return factorIfConvertible(target).orElseThrow(() -> new IllegalArgumentException(
                "cannot convert " + text + " to " + target.text));
    }
}
