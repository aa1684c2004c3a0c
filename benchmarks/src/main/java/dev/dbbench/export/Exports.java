package dev.dbbench.export;

import dev.dbbench.report.ScoreUnit;
import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.Metric;
import dev.dbbench.results.RecordedRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Turns a run's JMH results into {@link ExportEntry entries}: one per benchmark x parameters x
 * measure. Time per operation and allocation per operation are separate measures; a value JMH could
 * not compute (NaN) is never written: a missing bound is left out, a missing score drops the entry.
 */
public final class Exports {
    /** JMH's gc profiler: bytes allocated per operation. */
    static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";

    public static final String LATENCY = "latency";
    public static final String THROUGHPUT = "throughput";
    public static final String ALLOCATION = "allocation";

    private Exports() {}

    /**
     * The entries of a run. {@code canonicalUnits} converts time per operation to nanoseconds and
     * throughput to operations per second (the units of Bencher's built-in latency and throughput
     * measures); otherwise JMH's units are kept.
     */
    public static List<ExportEntry> of(RecordedRun run, boolean canonicalUnits) {
        Map<String, Long> modesPerKey = run.results().stream()
                .collect(Collectors.groupingBy(r -> key(r, false), Collectors.counting()));
        List<ExportEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (BenchmarkResult r : run.results()) {
            // The mode is named only where one benchmark x parameters ran in several modes: names stay short and stable.
            String name = key(r, modesPerKey.get(key(r, false)) > 1);
            int n = seen.merge(name, 1, Integer::sum);
            if (n > 1) {
                name = name + " #" + n;
            }
            String detail = detail(r);
            entry(name, primaryMeasure(r), r.primary(), ScoreUnit.higherIsBetter(r.primary().unit(), r.mode()), canonicalUnits, detail)
                    .ifPresent(out::add);
            Metric allocation = r.secondary().get(ALLOCATION_METRIC);
            if (allocation != null) {
                entry(name, ALLOCATION, allocation, false, false, detail).ifPresent(out::add);
            }
        }
        return out;
    }

    /** {@code package.Class.method [p1=v1, p2=v2]}, plus {@code (mode)} when asked. */
    static String key(BenchmarkResult r, boolean withMode) {
        StringBuilder s = new StringBuilder(r.benchmark());
        if (!r.params().isEmpty()) {
            s.append(r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", " [", "]")));
        }
        if (withMode) {
            s.append(" (").append(r.mode()).append(')');
        }
        return s.toString();
    }

    private static String primaryMeasure(BenchmarkResult r) {
        return switch (ScoreUnit.parse(r.primary().unit()).kind()) {
            case TIME_PER_OP -> LATENCY;
            case OPS_PER_TIME -> THROUGHPUT;
            case OTHER -> "score-" + r.primary().unit().replaceAll("[^A-Za-z0-9]+", "-");
        };
    }

    private static Optional<ExportEntry> entry(String name, String measure, Metric metric, boolean biggerIsBetter, boolean canonical,
                                                         String detail) {
        double factor = 1;
        String unit = metric.unit();
        if (canonical) {
            ScoreUnit own = ScoreUnit.parse(unit);
            ScoreUnit target = switch (own.kind()) {
                case TIME_PER_OP -> ScoreUnit.parse("ns/op");
                case OPS_PER_TIME -> ScoreUnit.parse("ops/s");
                case OTHER -> own;
            };
            factor = own.factorIfConvertible(target).orElse(1.0);
            unit = target.text();
        }
        double value = metric.score() * factor;
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        double error = metric.error() * factor;
        OptionalDouble half = Double.isFinite(error) ? OptionalDouble.of(error) : OptionalDouble.empty();
        // Time, throughput and bytes are never negative: a wide interval is cut at zero rather than reported below it.
        OptionalDouble lower = half.isPresent() ? OptionalDouble.of(Math.max(0, value - error)) : OptionalDouble.empty();
        OptionalDouble upper = half.isPresent() ? OptionalDouble.of(value + error) : OptionalDouble.empty();
        return Optional.of(new ExportEntry(name, measure, unit, biggerIsBetter, value, lower, upper, half, detail));
    }

    private static String detail(BenchmarkResult r) {
        int forks = r.primary().forks().size();
        int iterations = r.primary().iterations();
        return String.format(Locale.ROOT, "mode %s, %d thread%s, %d fork%s, %d iteration%s", r.mode(), r.threads(), r.threads() == 1 ? "" : "s",
                forks, forks == 1 ? "" : "s", iterations, iterations == 1 ? "" : "s");
    }
}
