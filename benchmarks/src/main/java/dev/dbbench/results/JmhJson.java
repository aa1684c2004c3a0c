package dev.dbbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one reader of JMH's JSON result format ({@code -rf json}, a run folder's {@code jmh.json}):
 * used by the report, the export, the history, the next run's time estimate and the regression check.
 * Raw data is kept per fork and iteration; a sample-time iteration keeps its histogram.
 */
public final class JmhJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJson() {}

    /**
     * Reads every entry of {@code file}; an empty file (JMH leaves one when every benchmark failed
     * before producing a result) gives none.
     *
     * @throws RunFolderException one line naming the file, the entry and what is wrong
     */
    public static List<BenchmarkResult> read(Path file) {
        JsonNode root = parse(file);
        if (root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new RunFolderException(file + ": expected a JSON array of benchmark results (JMH's -rf json), found " + kind(root));
        }
        List<BenchmarkResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            String where = file + ": entry " + index;
            String benchmark = BenchmarkNames.current(text(entry, "benchmark", where));
            String mode = text(entry, "mode", where);
            int threads = entry.path("threads").asInt(1);
            Map<String, String> params = strings(entry.path("params"));
            JsonNode primaryNode = entry.get("primaryMetric");
            if (primaryNode == null || !primaryNode.isObject()) {
                throw new RunFolderException(where + " (" + benchmark + "): \"primaryMetric\" is missing");
            }
            Metric primary = metric(primaryNode, where + " (" + benchmark + ") primaryMetric");
            Map<String, Metric> secondary = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                secondary.put(e.getKey(), metric(e.getValue(), where + " secondaryMetrics." + e.getKey()));
            }
            results.add(new BenchmarkResult(benchmark, mode, threads, params, primary, secondary, settings(entry)));
        }
        return results;
    }

    private static JmhSettings settings(JsonNode entry) {
        return new JmhSettings(entry.path("forks").asInt(0), entry.path("warmupForks").asInt(0),
                entry.path("warmupIterations").asInt(0), entry.path("warmupTime").asText(""),
                entry.path("measurementIterations").asInt(0), entry.path("measurementTime").asText(""),
                entry.path("warmupBatchSize").asInt(0), entry.path("measurementBatchSize").asInt(0));
    }

    private static Metric metric(JsonNode node, String where) {
        double score = number(node.get("score"));
        if (Double.isNaN(score) && !node.has("score")) {
            throw new RunFolderException(where + ": \"score\" is missing");
        }
        double error = number(node.get("scoreError"));
        String unit = node.path("scoreUnit").asText("");
        List<List<Sample>> forks = new ArrayList<>();
        JsonNode histogram = node.get("rawDataHistogram");
        if (histogram != null && histogram.isArray()) {
            // Sample mode: [fork][iteration][[value, count], ...]
            for (JsonNode fork : histogram) {
                List<Sample> iterations = new ArrayList<>();
                for (JsonNode iteration : fork) {
                    TreeMap<Double, Long> counts = new TreeMap<>();
                    for (JsonNode pair : iteration) {
                        long n = pair.path(1).asLong();
                        if (n > 0) {
                            counts.merge(number(pair.get(0)), n, Long::sum);
                        }
                    }
                    Sample sample = Sample.ofHistogram(counts);
                    if (sample != null) {
                        iterations.add(sample);
                    }
                }
                forks.add(iterations);
            }
        } else {
            for (JsonNode fork : node.path("rawData")) {
                List<Sample> iterations = new ArrayList<>();
                for (JsonNode value : fork) {
                    double v = number(value);
                    if (!Double.isNaN(v)) {
                        iterations.add(Sample.of(v));
                    }
                }
                forks.add(iterations);
            }
        }
        return new Metric(score, error, unit, forks);
    }

    /** JMH writes NaN and infinities as strings ("NaN"). */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RunFolderException(where + ": \"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    /** The file's JSON; a missing node for an empty file. */
    static JsonNode parse(Path file) {
        try {
            if (Files.size(file) == 0) {
                return MissingNode.getInstance();
            }
            JsonNode root = JSON.readTree(file.toFile());
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new RunFolderException(file + ": malformed JSON" + at + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (NoSuchFileException e) {
            throw new RunFolderException(file + ": does not exist", e);
        } catch (IOException e) {
            throw new RunFolderException(file + ": cannot read: " + e, e);
        }
    }

    static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
