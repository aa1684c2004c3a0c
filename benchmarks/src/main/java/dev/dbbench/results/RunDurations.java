package dev.dbbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
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
    /**
     * One combination's wall time, or one round's part of it; {@code mode} is JMH's short label
     * ("avgt", "ss"); {@code forks} the forks it ran (warm-up forks included), 0 when not recorded.
     */
    public record Entry(String benchmark, String mode, Map<String, String> params, double seconds, int forks) {
        public Entry(String benchmark, String mode, Map<String, String> params, double seconds) {
            this(benchmark, mode, params, seconds, 0);
        }
    }

    private RunDurations() {}

    static String toJson(ObjectMapper json, List<Entry> entries) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("what", "wall-clock seconds from each combination's start to its result (a round's part of it when its forks ran in rounds),"
                + " with the forks they ran, in the order they finished");
        ArrayNode array = root.putArray("combinations");
        for (Entry e : entries) {
            ObjectNode node = array.addObject();
            node.put("benchmark", e.benchmark());
            node.put("mode", e.mode());
            ObjectNode params = node.putObject("params");
            e.params().forEach(params::put);
            node.put("seconds", Math.round(e.seconds() * 1000) / 1000.0);
            if (e.forks() > 0) {
                node.put("forks", e.forks());
            }
        }
        return json.writeValueAsString(root);
    }

    /** Reads a {@code durations.json}; a file that is not one gives an empty list. */
    public static List<Entry> read(Path file) {
        try {
            return entries(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            // Only a hint for the time estimate: without it the estimate comes from the benchmarks' settings.
            return List.of();
        }
    }

    private static List<Entry> entries(JsonNode root) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode node : root.path("combinations")) {
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            if (node.path("benchmark").isTextual() && node.path("mode").isTextual() && node.path("seconds").isNumber()) {
                out.add(new Entry(node.get("benchmark").asText(), node.get("mode").asText(), Map.copyOf(params), node.get("seconds").asDouble(),
                        Math.max(0, node.path("forks").asInt(0))));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The durations of the newest run under {@code resultsDir} made with {@code profile} (a smoke
     * run's seconds say nothing about a quick run's): the {@code latest} link's run when it matches,
     * else the newest matching run folder (names sort by time). Its {@code durations.json} when it
     * has one; a run from before that file gets them derived from its {@code jmh.json} (see
     * {@link #derive}). Empty when there is no such run.
     */
    public static List<Entry> previous(Path resultsDir, String profile) {
        List<Path> candidates = new ArrayList<>();
        Path latest = resultsDir.resolve(RunFolder.LATEST);
        if (Files.isDirectory(latest)) {
            candidates.add(latest);
        }
        if (Files.isDirectory(resultsDir)) {
            try (Stream<Path> runs = Files.list(resultsDir)) {
                runs.filter(p -> Files.isRegularFile(p.resolve(RunFolder.DURATIONS_JSON)) || Files.isRegularFile(p.resolve(RunFolder.JMH_JSON)))
                        .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                        .forEach(candidates::add);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
        for (Path run : candidates) {
            if (!profile.equals(profileOf(run))) {
                continue;
            }
            if (Files.isRegularFile(run.resolve(RunFolder.DURATIONS_JSON))) {
                return withForks(read(run.resolve(RunFolder.DURATIONS_JSON)), run);
            }
            return derive(run);
        }
        return List.of();
    }

    /**
     * Entries written before {@code durations.json} recorded the forks get them from the run's
     * {@code jmh.json} (forks and warm-up forks of the combination); those it does not have stay 0.
     */
    private static List<Entry> withForks(List<Entry> entries, Path run) {
        if (entries.stream().allMatch(e -> e.forks() > 0) || !Files.isRegularFile(run.resolve(RunFolder.JMH_JSON))) {
            return entries;
        }
        Map<String, Integer> forks = new java.util.HashMap<>();
        try {
            for (BenchmarkResult b : JmhJson.read(run.resolve(RunFolder.JMH_JSON))) {
                JmhSettings settings = b.settings();
                forks.put(b.benchmark() + " " + b.mode() + " " + new java.util.TreeMap<>(b.params()),
                        Math.max(1, settings.forks()) + Math.max(0, settings.warmupForks()));
            }
        } catch (RuntimeException e) {
            return entries;
        }
        return entries.stream().map(e -> e.forks() > 0 ? e : new Entry(e.benchmark(), e.mode(), e.params(), e.seconds(),
                forks.getOrDefault(e.benchmark() + " " + e.mode() + " " + new java.util.TreeMap<>(e.params()), 0))).toList();
    }

    /**
     * The durations of a reference run of {@code profile} on the project's own machine kind (2 cores),
     * shipped in the jar for a first run that has no previous one: {@code reference-durations-<profile>.json}
     * beside this class. Empty when there is none for the profile.
     */
    public static List<Entry> reference(String profile) {
        try (InputStream in = RunDurations.class.getResourceAsStream("reference-durations-" + profile + ".json")) {
            if (in == null) {
                return List.of();
            }
            return entries(new ObjectMapper().readTree(in));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String profileOf(Path run) {
        try {
            return RunFolder.readEnvironment(run.resolve(RunFolder.ENVIRONMENT_JSON)).getOrDefault("run.profile", "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Each combination's wall time as well as a run's {@code jmh.json} tells it, for a run that did
     * not record them: its timed iterations (forks x (warm-up + measurement) x iteration time), or
     * for a single-shot combination its measured shots plus its warm-up shots at the mean of each
     * fork's measured ones; and the rest of the run's duration ({@code environment.json}, times its
     * lanes) shared equally by every fork (JVM start-up and trial set-up, which JMH does not report).
     * Empty when either file is missing or unreadable.
     */
    public static List<Entry> derive(Path run) {
        try {
            Map<String, String> environment = RunFolder.readEnvironment(run.resolve(RunFolder.ENVIRONMENT_JSON));
            List<BenchmarkResult> jmh = JmhJson.read(run.resolve(RunFolder.JMH_JSON));
            double wall = Double.parseDouble(environment.getOrDefault("run.duration_seconds", "0"))
                    * Math.max(1, Integer.parseInt(environment.getOrDefault("run.parallel", "1")));
            List<Entry> measured = new ArrayList<>();
            List<Integer> forks = new ArrayList<>();
            for (BenchmarkResult b : jmh) {
                JmhSettings settings = b.settings();
                int f = Math.max(1, settings.forks()) + Math.max(0, settings.warmupForks());
                int wi = settings.warmupIterations();
                double seconds;
                if ("ss".equals(b.mode())) {
                    double unit = seconds(b.primary().unit().replace("/op", ""));
                    seconds = 0;
                    for (List<Sample> fork : b.primary().forks()) {
                        double sum = fork.stream().mapToDouble(shot -> shot.total() * unit).sum();
                        seconds += sum + wi * sum / fork.size();
                    }
                } else {
                    seconds = f * (wi * time(settings.warmupTime()) + settings.measurementIterations() * time(settings.measurementTime()));
                }
                measured.add(new Entry(b.benchmark(), b.mode(), b.params(), seconds, f));
                forks.add(f);
            }
            double allForks = forks.stream().mapToInt(Integer::intValue).sum();
            double rest = Math.max(0, wall - measured.stream().mapToDouble(Entry::seconds).sum());
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < measured.size(); i++) {
                Entry e = measured.get(i);
                out.add(new Entry(e.benchmark(), e.mode(), e.params(), e.seconds() + (allForks == 0 ? 0 : rest * forks.get(i) / allForks), e.forks()));
            }
            return List.copyOf(out);
        } catch (RuntimeException e) {
            // Only a hint for the time estimate: without it the estimate comes from the benchmarks' settings.
            return List.of();
        }
    }

    /** "500 ms", "1 s": JMH's way of writing an iteration's time. */
    private static double time(String text) {
        String[] parts = text.trim().split("\\s+");
        return Double.parseDouble(parts[0]) * seconds(parts[1]);
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }
}
