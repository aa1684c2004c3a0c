package dev.dbbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What a run will measure: every benchmark x mode x parameter combination the selection names,
 * expanded the way JMH's Runner expands them (modes from {@code -bm} or the annotation, parameter
 * values from {@code -p} or the annotation, cartesian product in declaration order). Known before
 * the run so progress can say "n of N" and a combination that never reported is noticed.
 */
record Plan(List<Item> items) {

    /**
     * One benchmark x mode x parameter combination and its settings: the forks (warm-up forks
     * included), the iterations each fork runs (warm-up and measured; for a single-shot benchmark
     * each is one shot), and the seconds a fork spends in timed iterations (0 for single shots,
     * whose length only the run can tell).
     */
    record Item(String benchmark, Mode mode, Map<String, String> params, int forks, int iterations, double iterationSeconds) {
        /** What JMH is asked to spend, plus a rough fork overhead. */
        double nominalSeconds() {
            return forks * (FORK_OVERHEAD_SECONDS + iterationSeconds);
        }

        String key() {
            return key(benchmark, mode, params);
        }

        static String key(String benchmark, Mode mode, Map<String, String> params) {
            return key(benchmark, mode.shortLabel(), params);
        }

        static String key(String benchmark, String modeLabel, Map<String, String> params) {
            return benchmark + " " + modeLabel + " " + new java.util.TreeMap<>(params);
        }

        /** The key of the combination JMH is running. */
        static String key(BenchmarkParams running) {
            return key(running.getBenchmark(), running.getMode(), params(running));
        }

        /** The parameters of the combination JMH is running, in JMH's order. */
        static Map<String, String> params(BenchmarkParams running) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String k : running.getParamsKeys()) {
                out.put(k, running.getParam(k));
            }
            return out;
        }
    }

    /**
     * Rough fixed cost of a fork, for the estimate only: JVM start, class loading, trial set-up.
     * {@link Estimate} replaces it by what the run's forks really took as soon as one finished.
     */
    static final double FORK_OVERHEAD_SECONDS = 2.0;

    static Plan of(Options options) {
        SortedSet<BenchmarkListEntry> entries;
        try {
            entries = BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                    options.getIncludes(), options.getExcludes());
        } catch (PatternSyntaxException e) {
            throw new SetupException("the selection regex \"" + e.getPattern() + "\" is not a valid Java regular expression (" + e.getDescription()
                    + "). Fix it, or run with -l to list the benchmarks", e);
        }
        if (entries.isEmpty()) {
            throw new SetupException("no benchmark matches " + describe(options) + ". Run with -l to list the benchmarks, or fix the regex");
        }
        List<Item> items = new ArrayList<>();
        for (BenchmarkListEntry entry : entries) {
            for (Mode mode : modes(entry, options)) {
                for (Map<String, String> params : combinations(entry, options)) {
                    items.add(item(entry, mode, params, options));
                }
            }
        }
        return new Plan(List.copyOf(items));
    }

    int size() {
        return items.size();
    }

    /** What JMH is asked to spend, plus a rough fork overhead: the ETA before anything finished. */
    double nominalSeconds() {
        return items.stream().mapToDouble(Item::nominalSeconds).sum();
    }

    /** The part of the plan that is one benchmark's combinations. */
    Plan only(String benchmark) {
        return new Plan(items.stream().filter(i -> i.benchmark().equals(benchmark)).toList());
    }

    /** The benchmark classes of the plan, each once. */
    List<String> classes() {
        return items.stream().map(i -> i.benchmark().substring(0, i.benchmark().lastIndexOf('.'))).distinct().toList();
    }

    /** Forks the run starts per benchmark class, over all its combinations. */
    Map<String, Integer> forksByClass() {
        Map<String, Integer> forks = new java.util.TreeMap<>();
        items.forEach(i -> forks.merge(i.benchmark().substring(0, i.benchmark().lastIndexOf('.')), i.forks(), Integer::sum));
        return forks;
    }

    private static String describe(Options options) {
        String includes = options.getIncludes().isEmpty() ? "\".*\"" : String.join(", ", options.getIncludes().stream().map(r -> "\"" + r + "\"").toList());
        return options.getExcludes().isEmpty() ? includes : includes + " (excluding " + String.join(", ", options.getExcludes()) + ")";
    }

    private static List<Mode> modes(BenchmarkListEntry entry, Options options) {
        Collection<Mode> requested = options.getBenchModes().isEmpty() ? List.of(entry.getMode()) : options.getBenchModes();
        List<Mode> out = new ArrayList<>();
        for (Mode m : requested) {
            if (m == Mode.All) {
                Arrays.stream(Mode.values()).filter(x -> x != Mode.All).forEach(out::add);
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static List<Map<String, String>> combinations(BenchmarkListEntry entry, Options options) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        Map<String, String[]> declared = entry.getParams().orElse(Map.of());
        for (Map.Entry<String, String[]> p : declared.entrySet()) {
            Collection<String> values = options.getParameter(p.getKey()).orElse(Arrays.asList(p.getValue()));
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out.stream().map(java.util.Collections::unmodifiableMap).toList();
    }

    private static Item item(BenchmarkListEntry e, Mode mode, Map<String, String> params, Options o) {
        boolean singleShot = mode == Mode.SingleShotTime;
        int forks = Math.max(1, o.getForkCount().orElse(e.getForks().orElse(Defaults.MEASUREMENT_FORKS)))
                + o.getWarmupForkCount().orElse(e.getWarmupForks().orElse(Defaults.WARMUP_FORKS));
        int wi = o.getWarmupIterations().orElse(e.getWarmupIterations().orElse(singleShot ? Defaults.WARMUP_ITERATIONS_SINGLESHOT : Defaults.WARMUP_ITERATIONS));
        int mi = o.getMeasurementIterations().orElse(e.getMeasurementIterations().orElse(singleShot ? Defaults.MEASUREMENT_ITERATIONS_SINGLESHOT : Defaults.MEASUREMENT_ITERATIONS));
        double w = singleShot ? 0 : seconds(o.getWarmupTime().orElse(e.getWarmupTime().orElse(Defaults.WARMUP_TIME)));
        double r = singleShot ? 0 : seconds(o.getMeasurementTime().orElse(e.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME)));
        return new Item(e.getUsername(), mode, params, forks, wi + mi, wi * w + mi * r);
    }

    private static double seconds(TimeValue t) {
        return t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }
}
