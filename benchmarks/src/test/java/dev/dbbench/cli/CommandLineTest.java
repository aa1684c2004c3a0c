package dev.dbbench.cli;

import dev.dbbench.core.provision.PgEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.provision.Setting;
import dev.dbbench.results.RunFolder;
import dev.dbbench.suite.DatabaseNeeds;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;

/** Option parsing, the hand-over to JMH's own option reading, profiles, the plan and the PostgreSQL rule. */
class CommandLineTest {

    private static CommandLine parse(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine cli = Main.commandLine(new RunCommand(Map.of(), sink, List.of()), sink, sink);
        cli.parseArgs(args);
        return cli;
    }

    private static List<String> jmhArgv(String... args) {
        CommandLine cli = parse(args);
        RunCommand command = cli.getCommand();
        return JmhOptions.argv(cli.getParseResult(), command.regexes);
    }

    @Test
    void versionNamesTheBuildsCommit() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("dbbench "), run.out());
        assertTrue(run.out().contains("commit "), run.out());
    }

    @Test
    void reportHelpShowsTheFolderNameARunWrites() {
        CliRun run = CliRun.of("report", "-h");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("results/" + RunFolder.NAME_EXAMPLE), run.out());
    }

    @Test
    void jmhOptionsReachJmhVerbatimAndInOrderOfTheTable() {
        List<String> argv = jmhArgv("-wi", "3", "-p", "rows=1000,5000", "-p", "mode=WAL", "-prof", "gc", "-jvmArgsAppend", "-Xmx1g -Dx=y", "-l", "Insert", "Paging");
        assertEquals(List.of("-wi", "3", "-p", "rows=1000,5000", "-p", "mode=WAL", "-prof", "gc", "-jvmArgsAppend", "-Xmx1g -Dx=y", "-l", "--", "Insert", "Paging"), argv);
        CommandLineOptions jmh = JmhOptions.parse(argv);
        assertEquals(3, jmh.getWarmupIterations().get());
        assertEquals(List.of("1000", "5000"), List.copyOf(jmh.getParameter("rows").get()));
        assertEquals(List.of("Insert", "Paging"), jmh.getIncludes());
        assertEquals("gc", jmh.getProfilers().get(0).getKlass());
        assertTrue(jmh.shouldList());
    }

    @Test
    void multiLetterJmhOptionsAreNotReadAsClusters() {
        // "-wi 2" is warm-up iterations, never "-w" with "i" attached; "-rf" is not "-r f".
        CommandLineOptions jmh = JmhOptions.parse(jmhArgv("-wi", "2", "-rf", "json"));
        assertEquals(2, jmh.getWarmupIterations().get());
        assertFalse(jmh.getWarmupTime().hasValue());
        assertFalse(jmh.getMeasurementTime().hasValue());
        assertEquals("JSON", jmh.getResultFormat().get().name());
    }

    @Test
    void ourOptionsAreNotHandedToJmh() {
        CommandLine cli = parse("--profile", "SMOKE", "--results-dir", "/tmp/x", "--pg-url", "jdbc:postgresql://h:1/d", "-f", "2");
        RunCommand command = cli.getCommand();
        assertEquals(Profile.SMOKE, command.profile);
        assertEquals(List.of("-f", "2"), JmhOptions.argv(cli.getParseResult(), command.regexes));
    }

    @Test
    void profileFillsInOnlyWhatTheCommandLineLeavesOpen() throws Exception {
        CommandLineOptions given = new CommandLineOptions("-f", "2", "-r", "300ms");
        OptionsBuilder b = new OptionsBuilder();
        b.parent(given);
        Profile.SMOKE.fillIn(b, given);
        Options o = b.build();
        assertEquals(2, o.getForkCount().get(), "-f wins over the profile");
        assertEquals(TimeValue.milliseconds(300), o.getMeasurementTime().get(), "-r wins over the profile");
        assertEquals(0, o.getWarmupIterations().get());
        assertEquals(1, o.getMeasurementIterations().get());
        assertEquals(0, o.getWarmupForkCount().get());
    }

    @Test
    void quickProfileLeavesTheClassesOwnSettings() throws Exception {
        CommandLineOptions given = new CommandLineOptions();
        OptionsBuilder b = new OptionsBuilder();
        b.parent(given);
        Profile.QUICK.fillIn(b, given);
        Options o = b.build();
        assertFalse(o.getForkCount().hasValue());
        assertFalse(o.getWarmupIterations().hasValue());
        assertFalse(o.getMeasurementTime().hasValue());
    }

    @Test
    void fullProfileUsesSeveralForks() throws Exception {
        CommandLineOptions given = new CommandLineOptions();
        OptionsBuilder b = new OptionsBuilder();
        b.parent(given);
        Profile.FULL.fillIn(b, given);
        assertTrue(b.build().getForkCount().get() >= 3);
    }

    @Test
    void planExpandsModesAndParametersLikeJmh() throws Exception {
        assertEquals(2, Plan.of(new CommandLineOptions("selftest.PassingBenchmark")).size());
        assertEquals(1, Plan.of(new CommandLineOptions("-p", "n=1", "selftest.PassingBenchmark")).size());
        Plan twoModes = Plan.of(new CommandLineOptions("-bm", "thrpt,avgt", "selftest.PassingBenchmark"));
        assertEquals(4, twoModes.size());
        assertEquals(Map.of(Mode.Throughput, 2L, Mode.AverageTime, 2L),
                twoModes.items().stream().collect(java.util.stream.Collectors.groupingBy(Plan.Item::mode, java.util.stream.Collectors.counting())));
        assertEquals(List.of("dev.dbbench.cli.selftest.PassingBenchmark"), twoModes.classes());
    }

    @Test
    void postgresIsNeededByTheClassesThatSaySo() {
        assertTrue(DatabaseNeeds.needsPostgres("dev.dbbench.bench.postgres.paging.PgPagingWalkBenchmark"));
        assertTrue(DatabaseNeeds.needsPostgres("dev.dbbench.bench.postgres.insert.PgInsertBenchmark"));
        assertTrue(DatabaseNeeds.needsPostgres("dev.dbbench.bench.pooling.contention.PgPoolContentionBenchmark"));
        assertFalse(DatabaseNeeds.needsPostgres("dev.dbbench.bench.sqlite.paging.SqlitePagingWalkBenchmark"));
        assertFalse(DatabaseNeeds.needsPostgres("dev.dbbench.bench.pooling.contention.SqlitePoolContentionBenchmark"));
        assertFalse(DatabaseNeeds.needsPostgres("dev.dbbench.bench.pooling.contention.StubPoolContentionBenchmark"), "the stub driver needs no server");
        assertFalse(DatabaseNeeds.needsPostgres("dev.dbbench.bench.postgres.PgNoSuchBenchmark"), "a name alone does not count");
    }

    @Test
    void forksAreToldWhereThePasswordIsNeverThePassword() {
        assertEquals(Map.of(), ForkHandoff.properties(null, Optional.empty()));
        Map<String, String> props = ForkHandoff.properties(new PgEndpoint("jdbc:postgresql://127.0.0.1:5/db", "u", "pw-secret-1"),
                Optional.of(java.nio.file.Path.of("/tmp/dbbench-pg-1.password")));
        assertEquals(Map.of("dbbench.pg.handoff", "launcher", "dbbench.pg.url", "jdbc:postgresql://127.0.0.1:5/db", "dbbench.pg.user", "u",
                "dbbench.pg.passwordFile", "/tmp/dbbench-pg-1.password"), props);
        ForkSystemProperties.set(props);
        try {
            // What JMH puts on each fork's command line, which `ps` shows to every local user.
            assertFalse(String.join(" ", new ForkSystemProperties().addJVMOptions(null)).contains("pw-secret-1"));
        } finally {
            ForkSystemProperties.clear();
        }
    }

    @Test
    void forkPropertiesBecomeJvmOptionsOfTheFork() {
        ForkSystemProperties.set(Map.of("dbbench.pg.url", "jdbc:postgresql://h:1/d", "dbbench.pg.user", "u"));
        try {
            assertEquals(List.of("-Ddbbench.pg.url=jdbc:postgresql://h:1/d", "-Ddbbench.pg.user=u"), List.copyOf(new ForkSystemProperties().addJVMOptions(null)));
        } finally {
            ForkSystemProperties.clear();
        }
        assertTrue(new ForkSystemProperties().addJVMOptions(null).isEmpty());
    }

    @Test
    void jmhTextOutputMasksSecrets() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintStream jmh = new RedactingPrintStream(console, dev.dbbench.core.provision.Secrets.of("pw-123"));
        jmh.println("# VM options: -Ddbbench.pg.password=pw-123");
        jmh.print("again --pg-password pw-123");
        jmh.close();
        console.println(" console still open");
        assertEquals("# VM options: -Ddbbench.pg.password=****\nagain --pg-password **** console still open\n", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void listShowsMatchingBenchmarksAndExits() {
        CliRun run = CliRun.of("-l", "selftest");
        assertEquals(Main.OK, run.code(), run.err());
        assertTrue(run.out().contains("dev.dbbench.cli.selftest.PassingBenchmark.step"), run.out());
        assertTrue(run.out().contains("dev.dbbench.cli.selftest.DyingForkBenchmark.die"), run.out());
        assertFalse(run.out().contains("bench.sqlite"), run.out());
    }

    @Test
    void listWithParamsShowsValuesAfterOverrides() {
        CliRun run = CliRun.of("-lp", "-p", "n=7", "selftest.PassingBenchmark");
        assertEquals(Main.OK, run.code(), run.err());
        assertTrue(run.out().contains("param \"n\" = {7}"), run.out());
    }

    @Test
    void helpListsOurOptionsAndJmhs() {
        CliRun run = CliRun.of("-h");
        assertEquals(Main.OK, run.code());
        for (String option : List.of("--profile", "--pg-url", "--pg-user", "--pg-password", "--sqlite-dir", "--results-dir", "--verbose", "-wi <int>", "-prof <profiler>", "-rff <file>", "-lp")) {
            assertTrue(run.out().contains(option), option + " missing from help:\n" + run.out());
        }
    }

    @Test
    void reportWithThreeRunsIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        CliRun run = CliRun.of("report", temp.resolve("a").toString(), temp.resolve("b").toString(), temp.resolve("c").toString());
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertTrue(run.errLine().startsWith("report takes one run folder, or two to compare: 3 given"), run.err());
    }
}
