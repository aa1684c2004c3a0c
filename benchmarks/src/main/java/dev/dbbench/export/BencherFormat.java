package dev.dbbench.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Bencher Metric Format (https://bencher.dev/docs/reference/bencher-metric-format): an object of
 * benchmarks, each an object of measures, each {@code {"value", "lower_value", "upper_value"}} with
 * only {@code value} required. Time is in nanoseconds and throughput in operations per second, the
 * units of Bencher's built-in {@code latency} and {@code throughput} measures; allocation is
 * {@code allocation} in bytes per operation. Names carry the parameters, so no two results of a run
 * collapse into one benchmark, as they do with Bencher's own JMH adapter.
 */
public final class BencherFormat {
    /** Bencher's documented limits: a benchmark name up to 1024 characters, a measure name up to 64. */
    public static final int MAX_BENCHMARK_NAME = 1024;
    public static final int MAX_MEASURE_NAME = 64;

    private BencherFormat() {}

    public static String render(List<ExportEntry> entries) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        for (ExportEntry e : entries) {
            if (e.name().length() > MAX_BENCHMARK_NAME || e.measure().length() > MAX_MEASURE_NAME) {
                throw new IllegalArgumentException("[export] " + e.name() + " " + e.measure() + ": longer than Bencher accepts ("
                        + MAX_BENCHMARK_NAME + " characters for a benchmark, " + MAX_MEASURE_NAME + " for a measure)");
            }
            ObjectNode benchmark = root.has(e.name()) ? (ObjectNode) root.get(e.name()) : root.putObject(e.name());
            ObjectNode measure = benchmark.putObject(e.measure());
            measure.put("value", e.value());
            e.lower().ifPresent(v -> measure.put("lower_value", v));
            e.upper().ifPresent(v -> measure.put("upper_value", v));
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
