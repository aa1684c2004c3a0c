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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole check end to end, on real forks of two real jars: {@link dev.dbbench.regress.ruler.WorkBenchmark}
 * at work 100 in the base jar and 110 in the head jar must be flagged REGRESSION (exit code 1), and
 * two jars at work 100 must not (exit code 0). On a machine too busy to measure (a shared build
 * server), the rulers move and the honest answer is UNSTABLE (exit code 2), or the bounds are too wide
 * and it is INCONCLUSIVE (exit code 0, said in the report): so the assertions are "the slowdown never
 * passes as no change" and "identical jars never raise an alarm", and UNSTABLE or INCONCLUSIVE are
 * accepted only with that evidence in the report.
 *
 * <p>What this proves: jar inspection, the interleaved fork processes, reading JMH's JSON, the
 * statistics, the re-run of a flagged case, rulers, Markdown/JSON output and exit codes work together
 * on this build. What it does not prove: the detection and false-alarm <em>rates</em> (one run each;
 * {@link CompareTrials} measures those on the shaded jar) or the shading of benchmarks.jar (these jars
 * name the test class path in their manifest instead). Kept short: 100 ms iterations, and the forks
 * use this test's PostgreSQL for the {@code SELECT 1} ruler instead of starting one each. 8 pairs, not
 * the minimum 5: with 5 every pair must agree, and one fork hit by another build on a shared machine
 * would make the test miss the slowdown; with 8, one wild pair is tolerated.
 */
class CompareEndToEndTest {
    @TempDir
    static Path dir;

    private static List<String> forkArgs;

    @BeforeAll
    static void server() {
        PgEndpoint admin = SharedPostgres.get().admin();
        forkArgs = List.of(
                "--pairs", "8", "-wi", "1", "-i", "3", "-w", "100ms", "-r", "100ms",
                "--jvm-arg=-Ddbbench.pg.url=" + admin.jdbcUrl(),
                "--jvm-arg=-Ddbbench.pg.user=" + admin.user(),
                "--jvm-arg=-Ddbbench.pg.password=" + admin.password(),
                // Other JMH runs on a shared build machine must not fail the build; the verdict is robust to them or says UNSTABLE.
                "--jvm-arg=-Djmh.ignoreLock=true");
    }

    private record Run(int exit, String out, String err, JsonNode json) {}

    private static Run compare(Path base, Path head, String name) throws Exception {
        Path json = dir.resolve(name + ".json");
        Path md = dir.resolve(name + ".md");
        Path summary = dir.resolve(name + "-summary.md");
        List<String> args = new ArrayList<>(List.of("--base", base.toString(), "--head", head.toString(), "WorkBenchmark",
                "--json", json.toString(), "--markdown", md.toString(), "--work-dir", dir.resolve(name).toString()));
        args.addAll(forkArgs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CompareCommand.execute(args.toArray(String[]::new), Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(Files.exists(json), "no JSON written; stderr: " + e);
        assertEquals(Files.readString(md).strip(), o.strip(), "--markdown holds what was printed");
        assertTrue(Files.readString(summary).contains("## dbbench performance check"), "appended to GITHUB_STEP_SUMMARY");
        return new Run(exit, o, e, new ObjectMapper().readTree(json.toFile()));
    }

    /** UNSTABLE is the honest answer only with evidence: a ruler that moved. */
    private static boolean rulerMoved(Run run) {
        for (JsonNode ruler : run.json().path("rulers")) {
            if (ruler.path("moved").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tenPercentMoreWorkInTheHeadJarIsARegression() throws Exception {
        Run run = compare(TestJars.withWork(dir, "base-100.jar", 100), TestJars.withWork(dir, "head-110.jar", 110), "slower");
        JsonNode work = run.json().path("benchmarks").path(0);
        assertEquals(8, work.path("first").path("pairs").size());
        if (run.exit() == CompareCommand.UNSTABLE) {
            assertTrue(rulerMoved(run), "UNSTABLE only with a ruler that moved: " + run.out());
            return;
        }
        if (work.path("verdict").asText().equals("INCONCLUSIVE")) {
            assertTrue(work.path("note").asText().contains("too wide to tell"), work.toPrettyString());
            return;
        }
        assertEquals(CompareCommand.REGRESSION, run.exit(), run.out() + run.err());
        assertEquals("REGRESSION", run.json().path("verdict").asText());
        assertEquals("REGRESSION", work.path("verdict").asText());
        assertEquals(8, work.path("rerun").path("pairs").size(), "a flagged case is re-run with fresh pairs");
        double estimate = work.path("first").path("decision").path("estimate").asDouble();
        assertTrue(estimate > 1.05, "head needs 10% more time: estimate " + estimate);
        assertTrue(run.out().contains("REGRESSION") && run.out().contains("WorkBenchmark.work"), run.out());
    }

    @Test
    void identicalJarsAreNoChange() throws Exception {
        Run run = compare(TestJars.withWork(dir, "base-100b.jar", 100), TestJars.withWork(dir, "head-100.jar", 100), "same");
        int firstRoundRulers = 0;
        for (JsonNode ruler : run.json().path("rulers")) {
            firstRoundRulers += ruler.path("round").asInt() == 1 ? 1 : 0;
        }
        assertEquals(2, firstRoundRulers, "both rulers ran in every fork of round 1");
        if (run.exit() == CompareCommand.UNSTABLE) {
            assertTrue(rulerMoved(run), "UNSTABLE only with a ruler that moved: " + run.out());
            return;
        }
        assertEquals(CompareCommand.NO_REGRESSION, run.exit(), run.out() + run.err());
        // INCONCLUSIVE only when the forks were too noisy to bound a 5% change, and said in the note.
        JsonNode work = run.json().path("benchmarks").path(0);
        if (work.path("verdict").asText().equals("INCONCLUSIVE")) {
            assertTrue(work.path("note").asText().contains("too wide to tell"), work.toPrettyString());
        } else {
            assertEquals("NO_CHANGE", work.path("verdict").asText());
        }
    }
}
