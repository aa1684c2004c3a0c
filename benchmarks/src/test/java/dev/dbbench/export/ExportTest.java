package dev.dbbench.export;

import dev.dbbench.results.RecordedRun;
import dev.dbbench.results.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exports against each format's documented structure. The fixture run-export holds six results
 * taken from the curated runs: a single-shot row whose scoreError and scoreConfidence are NaN
 * (PgSmallHeapStreamingBenchmark.loadAll, allocation NaN too), a single-shot row with an error, two
 * throughput rows of one method that differ only by a parameter, an average-time and a sample-mode row.
 */
class ExportTest {
    static final String NAN_ROW = "dev.dbbench.bench.postgres.streaming.PgSmallHeapStreamingBenchmark.loadAll";
    static final String THROUGHPUT_ROW = "dev.dbbench.bench.pooling.defaults.PgPoolDefaultsBenchmark.borrowSelect1 [setup=HIKARI]";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture() {
        try {
            return Path.of(ExportTest.class.getResource("/runs/run-export").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bencherMetricFormatFollowsItsSchemaWithOneBenchmarkPerResult() throws Exception {
        RecordedRun run = RunFolder.read(fixture());
        String text = BencherFormat.render(Exports.of(run, true));
        assertFalse(text.contains("NaN"), text);
        JsonNode root = JSON.readTree(text);
        assertBmf(root);
        assertEquals(run.results().size(), root.size(), "one benchmark per benchmark x parameters: " + root.fieldNames());

        JsonNode nan = root.get(NAN_ROW);
        assertEquals(Set.of("value"), fields(nan.get(Exports.LATENCY)), "a missing bound is left out");
        assertEquals(Set.of("value"), fields(nan.get(Exports.ALLOCATION)));
        // ms/op to Bencher's nanoseconds.
        assertEquals(run.results().get(0).primary().score() * 1e6, nan.get(Exports.LATENCY).get("value").asDouble(), 1e-3);

        JsonNode throughput = root.get(THROUGHPUT_ROW).get(Exports.THROUGHPUT);
        assertEquals(Set.of("value", "lower_value", "upper_value"), fields(throughput));
        double opsPerMs = run.results().stream().filter(r -> r.params().equals(Map.of("setup", "HIKARI"))).findFirst().orElseThrow().primary().score();
        assertEquals(opsPerMs * 1000, throughput.get("value").asDouble(), 1e-6, "ops/ms to Bencher's ops/s");
        assertTrue(throughput.get("lower_value").asDouble() < throughput.get("value").asDouble());
    }

    @Test
    void githubActionBenchmarkFilesSplitByDirectionAndFollowTheCustomFormat() throws Exception {
        List<ExportEntry> entries = Exports.of(RunFolder.read(fixture()), false);
        JsonNode smaller = JSON.readTree(GithubActionBenchmarkFormat.render(entries, false));
        JsonNode bigger = JSON.readTree(GithubActionBenchmarkFormat.render(entries, true));
        assertGab(smaller);
        assertGab(bigger);

        assertEquals(2, bigger.size(), "the two throughput rows, nothing else: " + bigger);
        for (JsonNode e : bigger) {
            assertTrue(e.get("unit").asText().startsWith("ops/"), e.toString());
        }
        for (JsonNode e : smaller) {
            assertFalse(e.get("unit").asText().startsWith("ops/"), "throughput must not be smaller-is-better: " + e);
        }
        JsonNode nan = find(smaller, NAN_ROW);
        assertFalse(nan.has("range"), "no range where JMH gave no interval: " + nan);
        assertTrue(Double.isFinite(nan.get("value").asDouble()));
        JsonNode allocation = find(smaller, NAN_ROW + " allocation");
        assertEquals("B/op", allocation.get("unit").asText());
        JsonNode hikari = find(bigger, THROUGHPUT_ROW);
        assertTrue(hikari.get("range").asText().startsWith("± "), hikari.toString());
    }

    /** https://bencher.dev/docs/reference/bencher-metric-format: benchmark -> measure -> {value, lower_value?, upper_value?}, numbers. */
    static void assertBmf(JsonNode root) {
        assertTrue(root.isObject(), "BMF is a JSON object");
        for (Iterator<Map.Entry<String, JsonNode>> b = root.fields(); b.hasNext(); ) {
            Map.Entry<String, JsonNode> benchmark = b.next();
            assertFalse(benchmark.getKey().isEmpty());
            assertTrue(benchmark.getKey().length() <= BencherFormat.MAX_BENCHMARK_NAME, benchmark.getKey());
            assertTrue(benchmark.getValue().isObject() && benchmark.getValue().size() > 0, benchmark.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> m = benchmark.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> measure = m.next();
                assertFalse(measure.getKey().isEmpty());
                assertTrue(measure.getKey().length() <= BencherFormat.MAX_MEASURE_NAME, measure.getKey());
                JsonNode metric = measure.getValue();
                assertTrue(metric.isObject(), measure.getKey());
                assertTrue(Set.of("value", "lower_value", "upper_value").containsAll(fields(metric)), metric.toString());
                assertTrue(metric.has("value"), "value is required: " + metric);
                for (JsonNode v : metric) {
                    assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), benchmark.getKey() + " " + measure.getKey() + ": " + metric);
                }
                if (metric.has("lower_value")) {
                    assertTrue(metric.get("lower_value").asDouble() <= metric.get("value").asDouble(), metric.toString());
                    assertTrue(metric.get("upper_value").asDouble() >= metric.get("value").asDouble(), metric.toString());
                }
            }
        }
    }

    /** github-action-benchmark's custom tools: an array of {name, unit, value, range?, extra?}, names unique (they key the charts). */
    static void assertGab(JsonNode root) {
        assertTrue(root.isArray(), "an array of entries");
        Set<String> names = new HashSet<>();
        for (JsonNode e : root) {
            assertTrue(Set.of("name", "unit", "value", "range", "extra").containsAll(fields(e)), e.toString());
            assertTrue(e.get("name").isTextual() && !e.get("name").asText().isBlank(), e.toString());
            assertTrue(names.add(e.get("name").asText()), "duplicate name " + e.get("name"));
            assertTrue(e.get("unit").isTextual() && !e.get("unit").asText().isBlank(), e.toString());
            assertTrue(e.get("value").isNumber() && Double.isFinite(e.get("value").asDouble()), e.toString());
            if (e.has("range")) {
                assertTrue(e.get("range").isTextual(), e.toString());
            }
            if (e.has("extra")) {
                assertTrue(e.get("extra").isTextual(), e.toString());
            }
        }
    }

    static Set<String> fields(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode e : array) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no entry named " + name + " in " + array);
    }
}
