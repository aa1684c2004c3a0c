package dev.dbbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run folder as the run command leaves it: {@code jmh.json} (JMH's JSON with raw data),
 * {@code environment.json} and {@code failures.json}, the last two optional. A run in which every
 * benchmark failed may have no {@code jmh.json}; it still gets a report listing the failures.
 */
public record RunFolder(Path dir, List<BenchmarkResult> results, List<Failure> failures,
                        Map<String, String> environment) {

    public static final String JMH_JSON = "jmh.json";
    public static final String FAILURES_JSON = "failures.json";
    public static final String ENVIRONMENT_JSON = "environment.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunFolder {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
        environment = Ordered.copyOf(environment);
    }

    public String name() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + ": no such run folder (expected results/<UTC timestamp>/ with "
                    + JMH_JSON + ")");
        }
        Path jmh = dir.resolve(JMH_JSON);
        Path failuresFile = dir.resolve(FAILURES_JSON);
        if (!Files.exists(jmh) && !Files.exists(failuresFile)) {
            throw new ReportException(dir + ": not a run folder: neither " + JMH_JSON + " nor " + FAILURES_JSON
                    + " is there");
        }
        List<BenchmarkResult> results = Files.exists(jmh) ? readResults(jmh) : List.of();
        List<Failure> failures = Files.exists(failuresFile) ? readFailures(failuresFile) : List.of();
        Path env = dir.resolve(ENVIRONMENT_JSON);
        Map<String, String> environment = Files.exists(env) ? readEnvironment(env) : Map.of();
        return new RunFolder(dir, results, failures, environment);
    }

    static List<BenchmarkResult> readResults(Path file) {
        JsonNode root = parse(file);
        if (root.isMissingNode()) {
            // JMH leaves an empty file when every benchmark failed before producing a result.
            return List.of();
        }
        if (!root.isArray()) {
            throw new ReportException(file + ": expected JMH's JSON array (-rf json), found " + kind(root));
        }
        List<BenchmarkResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            String where = file + ": entry " + index;
            String benchmark = text(entry, "benchmark", where);
            String mode = text(entry, "mode", where);
            int threads = entry.path("threads").asInt(1);
            Map<String, String> params = strings(entry.path("params"));
            JsonNode primaryNode = entry.get("primaryMetric");
            if (primaryNode == null || !primaryNode.isObject()) {
                throw new ReportException(where + " (" + benchmark + "): \"primaryMetric\" is missing");
            }
            Metric primary = metric(primaryNode, where + " (" + benchmark + ") primaryMetric");
            Map<String, Metric> secondary = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                secondary.put(e.getKey(), metric(e.getValue(), where + " secondaryMetrics." + e.getKey()));
            }
            results.add(new BenchmarkResult(benchmark, mode, threads, params, primary, secondary));
        }
        return results;
    }

    static List<Failure> readFailures(Path file) {
        JsonNode root = parse(file);
        if (root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new ReportException(file + ": expected an array of {benchmark, params, error}, found "
                    + kind(root));
        }
        List<Failure> failures = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            String where = file + ": entry " + index;
            String benchmark = text(entry, "benchmark", where);
            String error = entry.path("error").asText("");
            failures.add(new Failure(benchmark, strings(entry.path("params")), error.isBlank() ? "(no message)" : error));
        }
        return failures;
    }

    static Map<String, String> readEnvironment(Path file) {
        JsonNode root = parse(file);
        Map<String, String> flat = new LinkedHashMap<>();
        if (root.isObject()) {
            flatten("", root, flat);
        } else if (!root.isMissingNode()) {
            throw new ReportException(file + ": expected a JSON object, found " + kind(root));
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (dev.dbbench.core.provision.Secrets.isSecretName(e.getKey())) {
                continue;
            }
            JsonNode value = e.getValue();
            if (value.isObject()) {
                flatten(key, value, into);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
                into.put(key, String.join(", ", items));
            } else if (!value.isNull()) {
                into.put(key, value.asText());
            }
        }
    }

    private static Metric metric(JsonNode node, String where) {
        double score = number(node.get("score"));
        if (Double.isNaN(score) && !node.has("score")) {
            throw new ReportException(where + ": \"score\" is missing");
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
                    double total = 0;
                    long count = 0;
                    for (JsonNode pair : iteration) {
                        long n = pair.path(1).asLong();
                        total += number(pair.get(0)) * n;
                        count += n;
                    }
                    if (count > 0) {
                        iterations.add(new Sample(total, count));
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

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ReportException(where + ": \"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static JsonNode parse(Path file) {
        try {
            if (Files.size(file) == 0) {
                return MissingNode.getInstance();
            }
            JsonNode root = JSON.readTree(file.toFile());
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ReportException(file + ": malformed JSON" + at + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read: " + e, e);
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
