package dev.dbbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long each combination of a run took on the wall clock, from its start to its result (forks
 * started, fixtures built, warm-up and measurement): {@code durations.json} in the run's folder.
 * JMH's own JSON has only the measured iterations, so this is what the next run's time estimate
 * reads.
 */
public final class RunDurations {
    /** One combination's wall time; {@code mode} is JMH's short label ("avgt", "ss"). */
    public record Entry(String benchmark, String mode, Map<String, String> params, double seconds) {}

    private RunDurations() {}

    static String toJson(ObjectMapper json, List<Entry> entries) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("what", "wall-clock seconds from each combination's start to its result, in the order they finished");
        ArrayNode array = root.putArray("combinations");
        for (Entry e : entries) {
            ObjectNode node = array.addObject();
            node.put("benchmark", e.benchmark());
            node.put("mode", e.mode());
            ObjectNode params = node.putObject("params");
            e.params().forEach(params::put);
            node.put("seconds", Math.round(e.seconds() * 1000) / 1000.0);
        }
        return json.writeValueAsString(root);
    }

    /** Reads a {@code durations.json}; a file that is not one gives an empty list. */
    public static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode node : root.path("combinations")) {
                Map<String, String> params = new LinkedHashMap<>();
                node.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
                if (node.path("benchmark").isTextual() && node.path("mode").isTextual() && node.path("seconds").isNumber()) {
                    out.add(new Entry(node.get("benchmark").asText(), node.get("mode").asText(), Map.copyOf(params), node.get("seconds").asDouble()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only a hint for the time estimate: without it the estimate comes from the benchmarks' settings.
            return List.of();
        }
        return List.copyOf(out);
    }

    /**
     * The durations of the newest earlier run under {@code resultsDir} that recorded them: the
     * {@code latest} link's run when it has them, else the newest run folder (names sort by time)
     * that does. Empty when there is none.
     */
    public static List<Entry> previous(Path resultsDir) {
        Path latest = resultsDir.resolve(RunFolder.LATEST).resolve(ResultsWriter.DURATIONS_JSON);
        if (Files.isRegularFile(latest)) {
            List<Entry> read = read(latest);
            if (!read.isEmpty()) {
                return read;
            }
        }
        if (!Files.isDirectory(resultsDir)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(resultsDir)) {
            Optional<Path> newest = runs.filter(p -> Files.isRegularFile(p.resolve(ResultsWriter.DURATIONS_JSON)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
            return newest.map(p -> read(p.resolve(ResultsWriter.DURATIONS_JSON))).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
