package dev.dbbench.regress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads JMH's JSON result file ({@code -rf json}) into one {@link Measured} per benchmark case. */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(what + " " + file + " does not exist: give the JMH JSON file written with -rf json -rff FILE", e);
        } catch (IOException e) {
            throw new BadInputException(what + " " + file + " is not readable JSON (" + oneLine(e) + "): give the JMH JSON file written with -rf json -rff FILE", e);
        }
        if (root == null || !root.isArray()) {
            throw new BadInputException(what + " " + file + " is not a JMH result file: expected a JSON array of benchmark results (-rf json)");
        }
        SortedMap<BenchmarkKey, Measured> out = new TreeMap<>();
        int index = 0;
        for (JsonNode node : root) {
            Measured m = measured(node, file, what, index++);
            if (out.put(m.key(), m) != null) {
                throw new BadInputException(what + " " + file + " holds " + m.key() + " twice: give the result file of one run");
            }
        }
        return out;
    }

    private static Measured measured(JsonNode node, Path file, String what, int index) {
        String where = what + " " + file + ", result " + (index + 1);
        String benchmark = text(node, "benchmark", where);
        String mode = text(node, "mode", where);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        BenchmarkKey key = BenchmarkKey.of(benchmark, mode, params);
        JsonNode metric = node.path("primaryMetric");
        if (!metric.isObject()) {
            throw new BadInputException(where + " (" + benchmark + ") has no primaryMetric: not a JMH result file");
        }
        String unit = text(metric, "scoreUnit", where);
        double score = number(metric, "score", where);
        double error = metric.path("scoreError").isNumber() ? metric.path("scoreError").asDouble() : Double.NaN;
        double median = rawMedian(metric, where + " (" + benchmark + ")");
        String settings = "mode=" + mode + " threads=" + node.path("threads").asText()
                + " warmup=" + node.path("warmupIterations").asText() + "x" + node.path("warmupTime").asText()
                + " measurement=" + node.path("measurementIterations").asText() + "x" + node.path("measurementTime").asText()
                + " batch=" + node.path("warmupBatchSize").asText() + "/" + node.path("measurementBatchSize").asText()
                + " unit=" + unit;
        JsonNode alloc = node.path("secondaryMetrics").path(ALLOCATION);
        Series allocation = null;
        if (alloc.isObject() && alloc.path("scoreUnit").isTextual()) {
            List<Double> values = series(alloc);
            allocation = values.isEmpty() ? null : new Series(alloc.path("scoreUnit").asText(), values);
        }
        return new Measured(key, unit, score, error, median, settings, series(metric), allocation);
    }

    /** Every measurement iteration's value in order (forks one after the other); sample-time: each iteration's median. */
    private static List<Double> series(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        JsonNode raw = metric.path("rawData");
        if (raw.isArray() && raw.size() > 0) {
            for (JsonNode fork : raw) {
                for (JsonNode v : fork) {
                    values.add(v.asDouble());
                }
            }
            return values;
        }
        for (JsonNode fork : metric.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                TreeMap<Double, Long> counts = new TreeMap<>();
                long total = 0;
                for (JsonNode pair : iteration) {
                    long count = pair.path(1).asLong();
                    counts.merge(pair.path(0).asDouble(), count, Long::sum);
                    total += count;
                }
                long seen = 0;
                for (Map.Entry<Double, Long> e : counts.entrySet()) {
                    seen += e.getValue();
                    if (2 * seen >= total) {
                        values.add(e.getKey());
                        break;
                    }
                }
            }
        }
        return values;
    }

    private static double rawMedian(JsonNode metric, String where) {
        JsonNode raw = metric.path("rawData");
        if (raw.isArray()) {
            List<Double> values = new ArrayList<>();
            for (JsonNode fork : raw) {
                for (JsonNode v : fork) {
                    values.add(v.asDouble());
                }
            }
            if (!values.isEmpty()) {
                return PairedStatistics.median(values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        // Sample-time mode: per fork, per iteration, [value, count] pairs; a weighted median, because
        // expanding millions of samples into a list would cost more than the run.
        TreeMap<Double, Long> counts = new TreeMap<>();
        long total = 0;
        for (JsonNode fork : metric.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode pair : iteration) {
                    long count = pair.path(1).asLong();
                    counts.merge(pair.path(0).asDouble(), count, Long::sum);
                    total += count;
                }
            }
        }
        if (total == 0) {
            throw new BadInputException(where + " has no raw data (rawData or rawDataHistogram): not a complete JMH result");
        }
        long seen = 0;
        for (Map.Entry<Double, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (2 * seen >= total) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new BadInputException(where + " has no \"" + field + "\": not a JMH result file (-rf json)");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isNumber()) {
            throw new BadInputException(where + " has no number \"" + field + "\": not a JMH result file (-rf json)");
        }
        return v.asDouble();
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").trim();
    }
}
