package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.TrialRecord.CaseVerdict;
import dev.dbbench.regress.TrialRecord.Check;
import dev.dbbench.regress.ruler.WorkBenchmark;
import dev.dbbench.results.BuildInfo;
import dev.dbbench.results.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trials run in pieces and add up honestly: driven by a fake check runner (no forks, no timing),
 * a record resumes at its first missing check, a cut-off check leaves no entry and is redone, a
 * record of another jar or settings is refused in one line (exit 3), and trials.md tallies the record.
 */
class SequentialTrialsResumeTest {
    private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");
    private static final Map<String, String[]> SHAS = Map.of(TrialRecord.A_B, new String[] {"b", "s"}, TrialRecord.A_A, new String[] {"b", "b"});

    @TempDir
    Path out;

    private final StringWriter progress = new StringWriter();

    private SequentialTrials trials(int maxChecks, LocalTime until) {
        return new SequentialTrials(Preset.CI, null, 20, 0.10, false, List.of(), PairSchedule.interleaved(), out, maxChecks, until, Clock.fixed(NOW, ZoneOffset.UTC),
                () -> 1.5, new PrintWriter(new StringWriter()), new PrintWriter(progress, true));
    }

    /** A fake check: the injected benchmark's time REGRESSION in A/B, NO_CHANGE in A/A; one allocation case undecided. */
    private static SequentialReport report(String kind) {
        BenchmarkKey target = BenchmarkKey.of(Preset.INJECTION_TARGET, "avgt", Map.of());
        List<SequentialReport.Case> cases = List.of(
                new SequentialReport.Case(target, SequentialCheck.TIME, "ms/op", false, 0.05, List.of(), List.of(), List.of(),
                        kind.equals(TrialRecord.A_B) ? Verdict.REGRESSION : Verdict.NO_CHANGE, 8, ""),
                new SequentialReport.Case(target, SequentialCheck.ALLOCATION, "B/op", false, 0.05, List.of(), List.of(), List.of(),
                        Verdict.INCONCLUSIVE, 0, "budget spent"));
        ForkSettings forks = new ForkSettings(Path.of("/jdk/bin/java"), List.of(), 1, 8, "200ms", "150ms");
        SequentialReport.Parameters p = new SequentialReport.Parameters("ci", 0.05, 0.05, 0.05, 0.03, Preset.CI.plan().describe(), 2,
                0.04, 0.01, 0.05, 900, SteadyState.RULE, forks, Preset.CI.selection(), Preset.CI.paramArgs(), true, "");
        return new SequentialReport("sequential", "base.jar", "head.jar", p, "2026-12-03T14:00:00Z", "2026-12-03T14:12:00Z", 12, 10,
                false, kind.equals(TrialRecord.A_B) ? Verdict.REGRESSION : Verdict.INCONCLUSIVE, -1, cases, List.of(), List.of());
    }

    /** Runs the trials on the record in {@code out} with a fake runner, and returns the checks it was asked for. */
    private List<String> run(SequentialTrials trials, String failOn) throws Exception {
        List<String> asked = new ArrayList<>();
        trials.trials(TrialRecord.read(out), trials.settings("jar-sha"), SHAS, (kind, index) -> {
            asked.add(kind + " " + index);
            if ((kind + " " + index).equals(failOn)) {
                throw new IllegalStateException("killed");
            }
            return report(kind);
        });
        return asked;
    }

    private List<String> recorded() {
        return TrialRecord.read(out).checks().stream().map(Check::name).toList();
    }

    @Test
    void aRecordWithThreeChecksResumesAtTheFourth() throws Exception {
        assertEquals(List.of("A/B 1", "A/A 1", "A/B 2"), run(trials(3, null), null));
        assertTrue(progress.toString().contains("stopping before A/A 2: --max-checks 3 reached; 37 check(s) left"), progress.toString());
        assertEquals(List.of("A/B 1", "A/A 1", "A/B 2"), recorded());
        assertEquals(List.of("A/A 2", "A/B 3"), run(trials(2, null), null));
        assertEquals(List.of("A/B 1", "A/A 1", "A/B 2", "A/A 2", "A/B 3"), recorded());
        Check first = TrialRecord.read(out).checks().get(0);
        assertEquals(List.of(new CaseVerdict("PgStreamingBenchmark.streamFetch1000 [avgt]", "time", Verdict.REGRESSION),
                new CaseVerdict("PgStreamingBenchmark.streamFetch1000 [avgt]", "allocation", Verdict.INCONCLUSIVE)), first.cases());
        assertTrue(first.injectedFlagged());
        assertEquals("jar-sha", first.settings().get(TrialRecord.JAR_SETTING));
        assertEquals("s", first.headSha256());
        assertTrue(Files.exists(out.resolve("trial-01-AB.json")) && Files.exists(out.resolve("trial-03-AB.md")));
    }

    @Test
    void aCheckCutOffLeavesNoEntryAndIsRedone() throws Exception {
        assertThrows(IllegalStateException.class, () -> run(trials(0, null), "A/A 1"));
        assertEquals(List.of("A/B 1"), recorded());
        assertFalse(Files.exists(out.resolve("trial-01-AA.json")), "no report of the cut-off check");
        assertEquals(List.of("A/A 1"), run(trials(1, null), null));
        assertEquals(List.of("A/B 1", "A/A 1"), recorded());
    }

    @Test
    void untilStopsBeforeACheckThatWouldNotEndInTime() throws Exception {
        // 14:00 now, a 15-minute budget: 14:10 leaves too little, 14:15 just enough for one.
        assertEquals(List.of(), run(trials(0, LocalTime.of(14, 10)), null));
        assertTrue(progress.toString().contains("stopping before A/B 1: a check may take 15 min and --until 14:10 UTC is nearer"), progress.toString());
        assertEquals(Instant.parse("2026-12-04T13:00:00Z"), SequentialTrials.deadline(NOW, LocalTime.of(13, 0)));
        assertEquals(Instant.parse("2026-12-03T14:15:00Z"), SequentialTrials.deadline(NOW, LocalTime.of(14, 15)));
    }

    @Test
    void aRecordOfAnotherJarOrOtherSettingsIsRefusedInOneLine() throws Exception {
        Path jar = TestJars.withWork(out, "benchmarks.jar", 100);
        Path trialsOut = Files.createDirectories(out.resolve("trials"));
        SortedMap<String, String> settings = trials(0, null).settings(TrialRecord.contentSha256(jar));
        settings.put(TrialRecord.COMMIT_SETTING, "unknown commit");
        TrialRecord.empty().append(trialsOut, check(TrialRecord.A_B, 1, true, Verdict.REGRESSION, 10, settings));

        String[] budget = run("--jar", jar.toString(), "--preset", "ci", "--out", trialsOut.toString(), "--budget", "20m");
        assertEquals("3", budget[0], budget[2]);
        assertEquals(1, budget[2].strip().lines().count(), budget[2]);
        assertTrue(budget[2].contains("--budget is 20m but the record " + trialsOut.resolve(TrialRecord.FILE) + " was made with 15m (check A/B 1)")
                && budget[2].contains("give --budget 15m to continue it, or give another --out"), budget[2]);

        Path other = TestJars.withWork(out, "other.jar", 110);
        String[] jarRun = run("--jar", other.toString(), "--preset", "ci", "--out", trialsOut.toString());
        assertEquals("3", jarRun[0], jarRun[2]);
        assertEquals(1, jarRun[2].strip().lines().count(), jarRun[2]);
        assertTrue(jarRun[2].contains("--jar holds contents with SHA-256 " + TrialRecord.contentSha256(other))
                && jarRun[2].contains("give that jar, or one rebuilt by the same JDK from its commit (unknown commit), to continue it"), jarRun[2]);
        assertFalse(Files.exists(trialsOut.resolve("base.jar")), "nothing made for a refused run");
        assertEquals(List.of("A/B 1"), TrialRecord.read(trialsOut).checks().stream().map(Check::name).toList());
    }

    @Test
    void aJarRebuiltFromTheSameCommitContinuesTheRecordAndNoOtherDoes() throws Exception {
        String commit = "5dc8bcd68ed32bbfc84ee83fb545e1206e284b1a";
        Path built = TestJars.jar(out, "built.jar", Map.of(Environment.BUILD_PROPERTIES,
                "build.commit=" + commit + "\nbuild.dirty=false\nbuild.time=2026-12-04T14:21:08Z\n", WorkBenchmark.RESOURCE, "work=100\n"));
        Path rebuilt = TestJars.jar(out, "rebuilt.jar", Map.of(WorkBenchmark.RESOURCE, "work=100\n", Environment.BUILD_PROPERTIES,
                "build.commit=" + commit + "\nbuild.dirty=false\nbuild.time=2026-12-05T09:00:00Z\n"));
        Path otherCommit = TestJars.jar(out, "other-commit.jar", Map.of(WorkBenchmark.RESOURCE, "work=100\n", Environment.BUILD_PROPERTIES,
                "build.commit=" + commit.replace('5', '6') + "\nbuild.dirty=false\nbuild.time=2026-12-04T14:21:08Z\n"));
        Path otherWork = TestJars.jar(out, "other-work.jar", Map.of(WorkBenchmark.RESOURCE, "work=110\n", Environment.BUILD_PROPERTIES,
                "build.commit=" + commit + "\nbuild.dirty=false\nbuild.time=2026-12-04T14:21:08Z\n"));
        assertNotEquals(TrialRecord.sha256(built), TrialRecord.sha256(rebuilt), "the files differ");
        assertEquals(TrialRecord.contentSha256(built), TrialRecord.contentSha256(rebuilt), "the build time and the entries' order do not count");
        assertNotEquals(TrialRecord.contentSha256(built), TrialRecord.contentSha256(otherCommit));
        assertNotEquals(TrialRecord.contentSha256(built), TrialRecord.contentSha256(otherWork));
        assertEquals(commit, BuildInfo.of(rebuilt).describeCommit());
    }

    @Test
    void aRecordThatNamedItsJarByTheFileIsRefusedInOneLine() throws Exception {
        Path jar = TestJars.withWork(out, "benchmarks.jar", 100);
        Path trialsOut = Files.createDirectories(out.resolve("old"));
        SortedMap<String, String> settings = trials(0, null).settings("x");
        settings.remove(TrialRecord.JAR_SETTING);
        settings.put("--jar (SHA-256)", TrialRecord.sha256(jar));
        TrialRecord.empty().append(trialsOut, check(TrialRecord.A_B, 1, true, Verdict.REGRESSION, 10, settings));
        String[] r = run("--jar", jar.toString(), "--preset", "ci", "--out", trialsOut.toString());
        assertEquals("3", r[0], r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("names its jar by the file's SHA-256") && r[2].contains("give another --out to start a new record"), r[2]);
    }

    @Test
    void aBadSliceIsRefusedInOneLineBeforeAnythingIsMade() throws Exception {
        Path jar = TestJars.withWork(out, "benchmarks.jar", 100);
        Path trialsOut = out.resolve("never-made");
        String[][] refused = {
            run("--jar", jar.toString(), "--preset", "ci", "--out", trialsOut.toString(), "--until", "25:99"),
            run("--jar", jar.toString(), "--preset", "ci", "--out", trialsOut.toString(), "--max-checks", "0"),
            run("--jar", jar.toString(), "--out", trialsOut.toString(), "--max-checks", "2")};
        String[] expected = {"--until \"25:99\" is not a time of day", "--max-checks 0 must be at least 1", "--max-checks applies to"};
        for (int i = 0; i < refused.length; i++) {
            assertEquals("3", refused[i][0], refused[i][2]);
            assertEquals(1, refused[i][2].strip().lines().count(), refused[i][2]);
            assertTrue(refused[i][2].startsWith("[compare-trials] " + expected[i]), refused[i][2]);
        }
        assertFalse(Files.exists(trialsOut), "nothing made for a refused run");
    }

    @Test
    void aRefusalSaysHowToRunAsTheRecordDid() {
        SortedMap<String, String> then = trials(0, null).settings("jar-sha");
        TrialRecord record = new TrialRecord(List.of(check(TrialRecord.A_B, 1, true, Verdict.REGRESSION, 10, then)));
        SortedMap<String, String> abOnly = new java.util.TreeMap<>(then);
        abOnly.put("--ab-only", "true");
        BadInputException e = assertThrows(BadInputException.class, () -> record.requireSettings(out, abOnly));
        assertTrue(e.getMessage().startsWith("--ab-only is true but the record") && e.getMessage().contains("leave --ab-only out to continue it"),
                e.getMessage());
        SortedMap<String, String> java = new java.util.TreeMap<>(then);
        java.put("java", "/other/bin/java 21");
        e = assertThrows(BadInputException.class, () -> record.requireSettings(out, java));
        assertTrue(e.getMessage().contains("run with the java of the record (" + then.get("java") + ")"), e.getMessage());
    }

    @Test
    void trialsMdTalliesAKnownRecord() {
        SortedMap<String, String> s = trials(0, null).settings("jar-sha");
        List<Check> checks = List.of(
                check(TrialRecord.A_B, 1, true, Verdict.REGRESSION, 12, s), check(TrialRecord.A_A, 1, false, Verdict.NO_CHANGE, 9, s),
                check(TrialRecord.A_B, 2, false, Verdict.INCONCLUSIVE, 15.5, s), check(TrialRecord.A_A, 2, false, Verdict.REGRESSION, 10, s),
                check(TrialRecord.A_B, 3, true, Verdict.REGRESSION, 11, s));
        String md = TrialsSummary.render(new TrialRecord(checks), "## t", false);
        assertTrue(md.contains("| 2 of 3 | not yet: 3 of 20 A/B checks done |"), md);
        assertTrue(md.contains("| 1 of 2 | not yet: 2 of 20 A/A checks done |"), md);
        // Each check has 4 cases, of which its own verdict's decided ones: 3 + 3 + 2 + 3 + 3 = 14 of 20.
        assertTrue(md.contains("| 14 of 20 (70.0%) | not yet: 5 of 40 checks done |"), md);
        assertTrue(md.contains("| longest 15.5 min, median 11.0 min | **not met** |"), md);
        assertTrue(md.contains("at the checks' starts 1.0 to 1.4, at their ends 2.0 to 2.4"), md);
        assertTrue(md.contains("| A/B 2 | 2026-12-03T14:00:00Z | INCONCLUSIVE | no | 2 of 4 | 10 | 15.5 | 1.20 / 2.20 |"), md);
    }

    /** A record entry: four cases, three decided (two when the check was INCONCLUSIVE); load rises with the index. */
    private static Check check(String kind, int index, boolean flagged, Verdict verdict, double minutes, SortedMap<String, String> settings) {
        Verdict undecided = verdict == Verdict.INCONCLUSIVE ? Verdict.INCONCLUSIVE : Verdict.NO_CHANGE;
        List<CaseVerdict> cases = List.of(new CaseVerdict("a", "time", flagged ? Verdict.REGRESSION : Verdict.NO_CHANGE),
                new CaseVerdict("a", "allocation", Verdict.NO_CHANGE), new CaseVerdict("b", "time", undecided),
                new CaseVerdict("b", "allocation", Verdict.INCONCLUSIVE));
        double load = (index - 1) * 0.2 + (kind.equals(TrialRecord.A_A) ? 0.1 : 0);
        return new Check(kind, index, "2026-12-03T14:00:00Z", "2026-12-03T14:12:00Z", minutes, 1 + load, 2 + load, verdict, flagged, 10,
                cases, settings, "b", "s");
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = CompareTrials.execute(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(exit), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8)};
    }
}
