package dev.dbbench.regress;

import dev.dbbench.core.FirstLine;
import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.JmhJson;
import dev.dbbench.results.JmhSettings;
import dev.dbbench.results.Metric;
import dev.dbbench.results.RunFolderException;
import dev.dbbench.results.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * JMH's JSON result file ({@code -rf json}), as read by {@link JmhJson}, turned into one
 * {@link Measured} per benchmark case: the figures the regression check compares.
 */
public final class JmhResults {
    private JmhResults() {}

    /**
     * One case of a JMH result file: its score, and the median of its raw measurement iterations over
     * all forks (for sample-time mode, of all samples), which is robust to one disturbed iteration.
     * {@code settings} are the JMH settings that must agree for two results to be comparable.
     * {@code iterations} is the series of measurement iterations in order (for sample-time mode, each
     * iteration's median), for the steady-state rule; {@code allocation} the same series of
     * {@code gc.alloc.rate.norm} when the gc profiler ran, else null.
     */
    public record Measured(BenchmarkKey key, String unit, double score, double scoreError, double median,
                           String settings, List<Double> iterations, Series allocation) {}

    /** A secondary metric's unit and its per-iteration values, in order. */
    public record Series(String unit, List<Double> values) {}

    /** The secondary metric JMH's gc profiler reports: bytes allocated per operation. */
    public static final String ALLOCATION = "gc.alloc.rate.norm";

    public static SortedMap<BenchmarkKey, Measured> read(Path file, String what) {
        List<BenchmarkResult> results;
        try {
            results = JmhJson.read(file);
        } catch (RunFolderException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new BadInputException(what + " " + file + " does not exist: give the JMH JSON file written with -rf json -rff FILE", e);
            }
            throw new BadInputException(what + " " + file + " is not readable JSON or not a JMH result file (" + oneLine(e)
                    + "): give the JMH JSON file written with -rf json -rff FILE", e);
        }
        if (results.isEmpty() && isEmptyFile(file)) {
            throw new BadInputException(what + " " + file + " is empty: give the JMH JSON file written with -rf json -rff FILE");
        }
        SortedMap<BenchmarkKey, Measured> out = new TreeMap<>();
        int index = 0;
        for (BenchmarkResult result : results) {
            Measured m = measured(result, what + " " + file + ", result " + ++index);
            if (out.put(m.key(), m) != null) {
                throw new BadInputException(what + " " + file + " holds " + m.key() + " twice: give the result file of one run");
            }
        }
        return out;
    }

    private static Measured measured(BenchmarkResult result, String where) {
        String benchmark = result.benchmark();
        BenchmarkKey key = BenchmarkKey.of(benchmark, result.mode(), result.params());
        Metric metric = result.primary();
        if (metric.unit().isEmpty()) {
            throw new BadInputException(where + " has no \"scoreUnit\": not a JMH result file (-rf json)");
        }
        if (metric.iterations() == 0) {
            throw new BadInputException(where + " (" + benchmark + ") has no raw data (rawData or rawDataHistogram): not a complete JMH result");
        }
        JmhSettings s = result.settings();
        String settings = "mode=" + result.mode() + " threads=" + result.threads()
                + " warmup=" + s.warmupIterations() + "x" + s.warmupTime()
                + " measurement=" + s.measurementIterations() + "x" + s.measurementTime()
                + " batch=" + s.warmupBatchSize() + "/" + s.measurementBatchSize()
                + " unit=" + metric.unit();
        Metric alloc = result.secondary().get(ALLOCATION);
        Series allocation = alloc == null || alloc.unit().isEmpty() || alloc.iterations() == 0 ? null
                : new Series(alloc.unit(), series(alloc));
        return new Measured(key, metric.unit(), metric.score(), metric.error(), median(metric), settings, series(metric), allocation);
    }

    /** Every measurement iteration's value in order (forks one after the other); sample-time: each iteration's median. */
    private static List<Double> series(Metric metric) {
        return metric.samples().stream().map(Sample::median).toList();
    }

    /**
     * The median of every raw value over all forks; sample-time mode: the weighted median of all samples,
     * because expanding millions of samples into a list would cost more than the run.
     */
    private static double median(Metric metric) {
        List<Sample> samples = metric.samples();
        if (samples.stream().allMatch(x -> x.histogram().isEmpty())) {
            return PairedStatistics.median(samples.stream().mapToDouble(Sample::total).toArray());
        }
        TreeMap<Double, Long> counts = new TreeMap<>();
        samples.forEach(x -> x.histogram().forEach((value, n) -> counts.merge(value, n, Long::sum)));
        return Sample.weightedMedian(counts);
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static String oneLine(Exception e) {
        return FirstLine.of(e);
    }
}
