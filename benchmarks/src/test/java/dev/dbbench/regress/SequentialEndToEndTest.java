package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --budget} end to end on real forks of two real jars, kept to the smallest budget (one
 * minute): the sequential path's wiring (forks with the gc profiler on, iteration series, allocation
 * beside time, rulers, the budget's stop, Markdown with its marker, JSON, exit code). How many pairs
 * fit in a minute depends on the machine, so the assertions hold for any number: a case either reached
 * a look and has a verdict from its bounds, or is INCONCLUSIVE because the budget was spent. Rates are
 * {@link SequentialPowerTest}'s and {@code CompareTrials --preset}'s business.
 */
class SequentialEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aBudgetedCheckReportsTimeAndAllocationAndStopsAtItsBudget() throws Exception {
        PgEndpoint admin = SharedPostgres.get().admin();
        Path json = dir.resolve("check.json");
        Path md = dir.resolve("check.md");
        String[] args = {"--base", TestJars.withWork(dir, "base.jar", 100).toString(), "--head",
                TestJars.withWork(dir, "head.jar", 100).toString(), "WorkBenchmark", "--budget", "1m", "--pairs", "5",
                "-wi", "0", "-i", "4", "-r", "50ms", "--json", json.toString(), "--markdown", md.toString(),
                "--jvm-arg=-Ddbbench.pg.url=" + admin.jdbcUrl(), "--jvm-arg=-Ddbbench.pg.user=" + admin.user(),
                "--jvm-arg=-Ddbbench.pg.password=" + admin.password(), "--jvm-arg=-Djmh.ignoreLock=true"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CompareCommand.execute(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(Files.exists(json), "no JSON written; stderr: " + e);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("sequential", report.path("kind").asText());
        assertTrue(e.matches("(?s).*fork 1 \\((base|head)\\) finished in [0-9.]+ s \\(start-up [0-9.]+ s, CpuRulerBenchmark\\.loop [0-9.]+ s, "
                + "SelectOneRulerBenchmark\\.selectOne [0-9.]+ s, WorkBenchmark\\.work [0-9.]+ s\\).*"), "where each fork's time went: " + e);
        assertTrue(Set.of(CompareCommand.NO_REGRESSION, CompareCommand.UNSTABLE).contains(exit), "identical jars: " + exit + " " + e);
        assertTrue(Files.readString(md).startsWith(SequentialMarkdown.MARKER), "the workflow finds its comment by the marker");
        assertTrue(report.path("parameters").path("gcProfiler").asBoolean());
        int pairs = report.path("pairsRun").asInt();
        assertTrue(pairs >= 1, "the first pair always runs");
        List<String> metrics = new ArrayList<>();
        for (JsonNode c : report.path("cases")) {
            metrics.add(c.path("metric").asText());
            assertTrue(c.path("key").path("benchmark").asText().endsWith("WorkBenchmark.work"), c.toPrettyString());
            String verdict = c.path("verdict").asText();
            int recorded = verdict.equals("INCONCLUSIVE") ? pairs : c.path("decidedAtPairs").asInt();
            assertEquals(recorded, c.path("pairs").size(), "every pair recorded until the case was decided");
            if (verdict.equals("INCONCLUSIVE")) {
                assertTrue(c.path("note").asText().contains("budget spent") || c.path("note").asText().contains("last planned look"),
                        c.toPrettyString());
            } else {
                assertTrue(Set.of("NO_CHANGE", "REGRESSION", "IMPROVEMENT").contains(verdict), verdict);
                assertTrue(c.path("decidedAtPairs").asInt() >= 5, "decided only at a look: " + c.toPrettyString());
            }
        }
        assertEquals(List.of(SequentialCheck.TIME, SequentialCheck.ALLOCATION), metrics, "allocation gated beside time");
        assertEquals(2, report.path("rulers").size(), "both rulers ran in every fork");
    }
}
