package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequential check's input: presets, budgets and the direction of every metric. Bad input exits 3
 * with one line naming the option, before any fork starts.
 */
class SequentialInputTest {
    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CompareCommand.execute(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertBadInput(Result r, String expected) {
        assertEquals(CompareCommand.BAD_INPUT, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void anUnknownPresetIsOneLineAndExit3() {
        assertBadInput(run("--base", "a.jar", "--head", "b.jar", "--preset", "nightly"), "--preset \"nightly\" is not a preset: give one of [ci]");
    }

    @Test
    void aBadBudgetIsOneLineAndExit3() {
        assertBadInput(run("--base", "a.jar", "--head", "b.jar", "--preset", "ci", "--budget", "15 minutes"),
                "--budget \"15 minutes\" is not a duration: give a whole number of seconds, minutes or hours, e.g. 15m");
        assertBadInput(run("--base", "a.jar", "--head", "b.jar", "--budget", "10s"), "--budget 10s is outside 1m to 24h");
    }

    @Test
    void aPresetWithASelectionOrStoredFilesIsBadInput() {
        assertBadInput(run("--base", "a.jar", "--head", "b.jar", "--preset", "ci", "Foo"), "--preset ci chooses the benchmarks itself");
        assertBadInput(run("--baseline", "a.json", "--current", "b.json", "--preset", "ci"), "--preset runs the interleaved check of two jars");
    }

    @Test
    void anUnknownScheduleIsOneLineAndExit3() {
        assertBadInput(run("--base", "a.jar", "--head", "b.jar", "--preset", "ci", "--schedule", "parallel"),
                "--schedule \"parallel\" is not a schedule: give one of [auto, duet, interleaved]");
    }

    @Test
    void aMissingJarWithAPresetIsBadInputBeforeAnyFork() {
        assertBadInput(run("--base", "no-such.jar", "--head", "no-such-either.jar", "--preset", "ci"), "--base no-such.jar does not exist");
    }

    @Test
    void budgetsParse() {
        assertEquals(Duration.ofMinutes(15), Preset.parseBudget("15m"));
        assertEquals(Duration.ofSeconds(900), Preset.parseBudget("900s"));
        assertEquals(Duration.ofHours(1), Preset.parseBudget("1h"));
        BadInputException e = assertThrows(BadInputException.class, () -> Preset.parseBudget("-5m"));
        assertTrue(e.getMessage().startsWith("--budget \"-5m\""), e.getMessage());
    }

    @Test
    void theCiPresetCoversTheSuitesSubjectsOnBothDatabasesWithinItsBudget() {
        Preset ci = Preset.named("ci");
        assertTrue(ci.benchmarks().size() >= 8, ci.benchmarks().toString());
        assertTrue(ci.benchmarks().stream().anyMatch(b -> b.contains(".postgres.")), "PostgreSQL");
        assertTrue(ci.benchmarks().stream().anyMatch(b -> b.contains(".sqlite.")), "SQLite");
        assertTrue(ci.benchmarks().contains(Preset.INJECTION_TARGET));
        assertEquals(Duration.ofMinutes(15), ci.budget());
        assertEquals(List.of("-p", "conflictPercent=50", "-p", "op=BORROW", "-p", "payloadChars=100", "-p", "pool=HIKARI", "-p", "rows=5000"),
                ci.paramArgs());
        // Anchored: exactly these methods, never one whose name only starts the same.
        assertTrue(ci.selection().stream().allMatch(s -> s.startsWith("^") && s.endsWith("$")));
    }

    @Test
    void theSequentialForksTurnTheGcProfilerOnAndPinParameters() {
        ForkSettings settings = new ForkSettings(Path.of("/jdk/bin/java"), List.of(), 1, 8, "200ms", "150ms");
        List<String> command = settings.command(Path.of("/a/benchmarks.jar"), List.of("x.Y.z"), Path.of("/out/jmh.json"),
                List.of("-p", "rows=5000"), true, null);
        assertTrue(command.contains("-Ddbbench.gcProfiler=true"), command.toString());
        assertEquals(List.of("-p", "rows=5000"), command.subList(command.size() - 2, command.size()));
        assertEquals("/jdk/bin/java", command.get(0));
        assertFalse(command.contains("-Djmh.ignoreLock=true"), "one fork at a time keeps JMH's lock");
    }

    @Test
    void aDuetForkIsPinnedWithItsChildrenAndSetsJmhsLockAside() {
        ForkSettings settings = new ForkSettings(Path.of("/jdk/bin/java"), List.of("-Xmx1g"), 1, 8, "200ms", "150ms",
                new PairSchedule(PairSchedule.Kind.DUET, List.of(2, 3)));
        List<String> command = settings.command(Path.of("/a/benchmarks.jar"), List.of("x.Y.z"), Path.of("/out/jmh.json"),
                List.of(), true, 3);
        assertEquals(List.of("taskset", "-c", "3", "/jdk/bin/java", "-Xmx1g", "-Djmh.ignoreLock=true"), command.subList(0, 6));
    }

    @Test
    void aForkOfTheUndecidedBenchmarksGetsOnlyTheParametersTheyHave(@TempDir Path dir) throws Exception {
        // A jar of this build's class path: every module's benchmark list, the preset's benchmarks included.
        DbbenchJar jar = DbbenchJar.open(TestJars.jar(dir, "all.jar", Map.of()), "--base");
        ForkRunner runner = new ForkRunner(new ForkSettings(Path.of("/jdk/bin/java"), List.of(), 1, 8, "200ms", "150ms"), null,
                new java.io.PrintWriter(new java.io.StringWriter()), Preset.CI.paramArgs(), true);
        // After the first look only a few may be left: the launcher refuses a -p that none of a fork's benchmarks has.
        String copy = "dev.dbbench.bench.postgres.insert.PgInsertBenchmark.copy";
        assertEquals(List.of("-p", "rows=5000"), runner.pinnedFor(jar, new TreeSet<>(Set.of(copy, Preset.INJECTION_TARGET))));
        assertEquals(List.of(), runner.pinnedFor(jar, new TreeSet<>(Set.of(Preset.INJECTION_TARGET))));
        List<String> upsert = runner.pinnedFor(jar, new TreeSet<>(Set.of("dev.dbbench.bench.postgres.upsert.PgUpsertBenchmark.doUpdate",
                copy)));
        assertEquals(List.of("-p", "conflictPercent=50", "-p", "rows=5000"), upsert);
        assertEquals(Preset.CI.paramArgs(), runner.pinnedFor(jar, new TreeSet<>(Preset.CI.benchmarks())));
    }

    @Test
    void aDuetSwapsCpusEveryPairSoNeitherJarKeepsTheFasterOne() {
        PairSchedule duet = new PairSchedule(PairSchedule.Kind.DUET, List.of(0, 1));
        assertEquals(List.of(0, 1, 1, 0, 0, 1), List.of(duet.cpu(0, true), duet.cpu(0, false), duet.cpu(1, true), duet.cpu(1, false),
                duet.cpu(2, true), duet.cpu(2, false)));
    }

    @Test
    void theScheduleIsADuetOnlyWhereTasksetAndTwoCpusAre(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path taskset = Files.writeString(bin.resolve("taskset"), "#!/bin/sh\n");
        taskset.toFile().setExecutable(true);
        Path two = Files.writeString(dir.resolve("two"), "Name:\tjava\nCpus_allowed_list:\t0-1\n");
        Path one = Files.writeString(dir.resolve("one"), "Cpus_allowed_list:\t3\n");
        Path many = Files.writeString(dir.resolve("many"), "Cpus_allowed_list:\t2,4-6\n");
        assertEquals(new PairSchedule(PairSchedule.Kind.DUET, List.of(0, 1)), PairSchedule.of("auto", bin.toString(), two));
        assertEquals(new PairSchedule(PairSchedule.Kind.DUET, List.of(2, 4)), PairSchedule.of("duet", bin.toString(), many));
        assertEquals(PairSchedule.interleaved(), PairSchedule.of("auto", bin.toString(), one));
        assertEquals(PairSchedule.interleaved(), PairSchedule.of("auto", dir.resolve("nowhere").toString(), two));
        assertEquals(PairSchedule.interleaved(), PairSchedule.of("interleaved", bin.toString(), two));
        assertEquals(PairSchedule.interleaved(), PairSchedule.of("auto", bin.toString(), dir.resolve("missing")));
        BadInputException noCpus = assertThrows(BadInputException.class, () -> PairSchedule.of("duet", bin.toString(), one));
        assertTrue(noCpus.getMessage().startsWith("--schedule duet cannot run here: this process may use only CPU [3]"), noCpus.getMessage());
        BadInputException noTaskset = assertThrows(BadInputException.class,
                () -> PairSchedule.of("duet", dir.resolve("nowhere").toString(), two));
        assertTrue(noTaskset.getMessage().contains("taskset (util-linux) is not on the PATH"), noTaskset.getMessage());
        BadInputException typo = assertThrows(BadInputException.class, () -> PairSchedule.of("duo", bin.toString(), two));
        assertEquals("--schedule \"duo\" is not a schedule: give one of [auto, duet, interleaved]", typo.getMessage());
    }

    @Test
    void theCiPresetGatesTimeOnlyWhereItsForksAgreeAndAllocationEverywhere() {
        Preset ci = Preset.CI;
        assertTrue(ci.gatesTime(Preset.INJECTION_TARGET), "the injected slowdown is a slowdown of time");
        assertFalse(ci.gatesTime("dev.dbbench.bench.sqlite.orm.SqliteUserOrdersLoadBenchmark.join"));
        assertTrue(ci.benchmarks().containsAll(ci.allocationOnly()));
        assertTrue(ci.benchmarks().stream().filter(ci::gatesTime).count() >= 2);
        assertThrows(IllegalArgumentException.class, () -> new Preset("x", List.of("a.B.c"), new TreeSet<>(List.of("d.E.f")), "",
                new TreeMap<>(), 1, "1s", 1, "1s", ci.plan(), ci.budget()));
    }

    @Test
    void everyMetricsDirectionComesFromItsUnit() {
        assertEquals(Direction.LOWER_IS_BETTER, Direction.of("ms/op"));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.of("us/op"));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.of("ops/ms"));
        // Bytes per operation: lower is better, also for a throughput benchmark, whose mode would say the opposite.
        assertEquals(Direction.LOWER_IS_BETTER, Direction.of("B/op"));
        assertNull(Direction.of("#"), "a count says neither: not gated rather than guessed");
    }

    @Test
    void aForksIterationSeriesAndAllocationAreReadInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, """
                [{"jmhVersion":"1.37","benchmark":"x.Y.z","mode":"avgt","threads":1,"forks":1,
                  "warmupIterations":1,"warmupTime":"200 ms","measurementIterations":4,"measurementTime":"150 ms",
                  "params":{"rows":"5000"},
                  "primaryMetric":{"score":12,"scoreError":1,"scoreUnit":"ms/op","rawData":[[30.0,11.0,10.0,12.0]]},
                  "secondaryMetrics":{"gc.alloc.rate.norm":{"score":1000,"scoreUnit":"B/op","rawData":[[1200.0,1000.0,1000.0,1001.0]]}}}]
                """);
        JmhResults.Measured m = JmhResults.read(file, "fork result").values().iterator().next();
        assertEquals(List.of(30.0, 11.0, 10.0, 12.0), m.iterations());
        assertEquals("B/op", m.allocation().unit());
        assertEquals(List.of(1200.0, 1000.0, 1000.0, 1001.0), m.allocation().values());
    }
}
