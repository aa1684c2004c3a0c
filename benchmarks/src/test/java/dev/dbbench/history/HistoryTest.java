package dev.dbbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbbench.history.HistoryAnalysis.QuestionTrend;
import dev.dbbench.history.HistoryAnalysis.Step;
import dev.dbbench.history.HistoryAnalysis.VariantTrend;
import dev.dbbench.report.QuestionCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic history: 13 runs of fixture run-a (InsertBenchmark, PoolBenchmark, StreamBenchmark).
 * From run 7 on, InsertBenchmark.oneTransaction at rows=1000 is 30% slower (a known step); run 13
 * ran on another JDK. Every score carries 1% noise from a fixed seed.
 */
class HistoryTest {
    static final int STEP_RUN = 6; // zero-based: the seventh run
    static final String STEPPED = "oneTransaction [rows=1000] (avgt)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    static String commit(int i) {
        return String.format("%040x", 0xc0ffee00L + i);
    }

    /** Writes run {@code i} into results/, its history line included. */
    static void writeRun(Path results, int i, String jdk, Random noise) throws Exception {
        String name = String.format("2026-12-%02dT100000Z", i + 1);
        Path dir = Files.createDirectories(results.resolve(name));
        ArrayNode jmh = (ArrayNode) JSON.readTree(HistoryTest.class.getResourceAsStream("/runs/run-a/jmh.json"));
        for (JsonNode entry : jmh) {
            ObjectNode primary = (ObjectNode) entry.get("primaryMetric");
            boolean stepped = entry.get("benchmark").asText().endsWith("InsertBenchmark.oneTransaction")
                    && entry.path("params").path("rows").asText().equals("1000");
            double factor = (stepped && i >= STEP_RUN ? 1.3 : 1.0) * (1 + 0.01 * noise.nextGaussian());
            primary.put("score", primary.get("score").asDouble() * factor);
        }
        Files.writeString(dir.resolve("jmh.json"), JSON.writeValueAsString(jmh), StandardCharsets.UTF_8);
        ObjectNode env = JSON.createObjectNode();
        env.putObject("run").put("started_at", String.format("2026-12-%02dT10:00:00Z", i + 1)).put("profile", "quick");
        env.putObject("jdk").put("vendor", "Eclipse Adoptium").put("version", jdk);
        env.putObject("machine").put("cpus", 2).put("cpu_model", "Test CPU");
        env.putObject("os").put("name", "Linux").put("arch", "amd64");
        env.put("git_commit", commit(i));
        env.put("git_dirty", false);
        env.putObject("postgres").put("used", false);
        Files.writeString(dir.resolve("environment.json"), JSON.writeValueAsString(env), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("failures.json"), "[]", StandardCharsets.UTF_8);
        new HistoryRecorder().afterRun(dir);
    }

    private void writeHistory() throws Exception {
        Random noise = new Random(7);
        for (int i = 0; i < 13; i++) {
            writeRun(results, i, i < 12 ? "17.0.15" : "25.0.1", noise);
        }
    }

    @Test
    void everyRunAppendsOneLineNamingItsCommitAndEnvironment() throws Exception {
        writeHistory();
        List<String> warnings = new ArrayList<>();
        List<HistoryEntry> lines = HistoryFile.read(results, warnings);
        assertEquals(List.of(), warnings);
        assertEquals(13, lines.size());
        HistoryEntry first = lines.get(0);
        assertEquals("2026-12-01T100000Z", first.run());
        assertEquals(commit(0), first.commit());
        assertEquals("17.0.15", first.environment().get("jdk.version"));
        assertFalse(first.environment().containsKey("postgres.fsync"), "a run without PostgreSQL records no server");
    }

    @Test
    void theKnownStepIsFoundAtItsCommitAndTheNewJdkStartsANewLine() throws Exception {
        writeHistory();
        List<HistoryAnalysis.Run> runs = HistoryRuns.collect(results, new ArrayList<>());
        List<QuestionTrend> trends = HistoryAnalysis.analyse(runs, QuestionCatalog.fromClassPath());
        QuestionTrend insert = trends.stream().filter(t -> t.className().endsWith("InsertBenchmark")).findFirst().orElseThrow();
        assertEquals(List.of(0, 12), insert.segmentStarts());
        assertTrue(insert.segmentChanges().get(1).contains("jdk.version 17.0.15 -> 25.0.1"), insert.segmentChanges().toString());

        for (VariantTrend v : insert.variants()) {
            List<Step> steps = v.segments().stream().flatMap(s -> s.steps().stream()).toList();
            if (v.variant().equals(STEPPED)) {
                assertEquals(1, steps.size(), v.toString());
                assertEquals(STEP_RUN, steps.get(0).run());
                assertEquals(0.3, steps.get(0).relativeChange(), 0.05);
            } else {
                assertEquals(List.of(), steps, v.variant() + " has no step");
            }
            assertEquals(2, v.segments().size(), "the run on JDK 25 is not joined to the line: " + v.variant());
        }
    }

    @Test
    void thePageNamesTheStepsCommitAndTheEnvironmentChange() throws Exception {
        writeHistory();
        StringWriter err = new StringWriter();
        Path page = HistoryCommand.write(results, new PrintWriter(err));
        String html = Files.readString(page);
        assertTrue(html.contains("step at <code>" + commit(STEP_RUN).substring(0, 7) + "</code> (run #7)"), html);
        assertTrue(html.contains("Environment 2 from run #13"), html);
        assertTrue(html.contains("jdk.version 17.0.15 -&gt; 25.0.1"), html);
        try (var charts = Files.list(results.resolve(HistoryCommand.CHARTS))) {
            List<Path> pngs = charts.toList();
            assertEquals(3, pngs.size(), pngs.toString());
            for (Path png : pngs) {
                byte[] head = Files.readAllBytes(png);
                assertEquals((byte) 0x89, head[0]);
                assertEquals('P', head[1]);
            }
        }
        assertEquals("", err.toString());
    }

    @Test
    void runsFinishingTogetherBothKeepTheirLine() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    HistoryFile.append(results, new HistoryEntry("run-" + n, "", null, null, "smoke", java.util.Map.of()));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, HistoryFile.read(results, new ArrayList<>()).stream().map(HistoryEntry::run).distinct().count());
    }

    @Test
    void aDamagedLineIsSkippedAndNamed() throws Exception {
        HistoryFile.append(results, new HistoryEntry("a", "", null, null, "quick", java.util.Map.of()));
        Files.writeString(results.resolve(HistoryFile.NAME), "{not json\n", java.nio.file.StandardOpenOption.APPEND);
        HistoryFile.append(results, new HistoryEntry("b", "", null, null, "quick", java.util.Map.of()));
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of("a", "b"), HistoryFile.read(results, warnings).stream().map(HistoryEntry::run).toList());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("line 2"), warnings.toString());
    }

    /** The two curated runs of the repository and a fresh one on another JDK (fixture run-export, its environment changed). */
    @Test
    void theCuratedRunsAndAFreshOneOnAnotherJdk() throws Exception {
        Path curated = Path.of("..", "results", "curated").toAbsolutePath().normalize();
        try (var runs = Files.list(curated)) {
            for (Path run : runs.filter(Files::isDirectory).toList()) {
                copy(run, results.resolve("curated").resolve(run.getFileName().toString()));
            }
        }
        Path fresh = results.resolve("2026-12-03T120000Z");
        copy(Path.of(HistoryTest.class.getResource("/runs/run-export").toURI()), fresh);
        ObjectNode env = (ObjectNode) JSON.readTree(fresh.resolve("environment.json").toFile());
        ((ObjectNode) env.get("jdk")).put("version", "25.0.1");
        ((ObjectNode) env.get("run")).put("started_at", "2026-12-03T12:00:00Z");
        Files.writeString(fresh.resolve("environment.json"), JSON.writeValueAsString(env));
        new HistoryRecorder().afterRun(fresh);

        StringWriter err = new StringWriter();
        String html = Files.readString(HistoryCommand.write(results, new PrintWriter(err)));
        assertEquals("", err.toString());
        assertTrue(html.contains("curated/2026-11-25T063035Z-quick") && html.contains("curated/2026-12-02T160046Z-quick-streaming"), html);
        assertTrue(html.contains("jdk.version 17.0.15 -&gt; 25.0.1"), "the fresh run is marked, not joined: " + html);
        assertTrue(Files.exists(results.resolve(HistoryCommand.CHARTS).resolve(
                "dev.dbbench.bench.postgres.streaming.PgSmallHeapStreamingBenchmark.png")));
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }
}
