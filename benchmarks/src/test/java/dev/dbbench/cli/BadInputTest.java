package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.profile.GcProfilerSwitch;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the command line refuses to run: exit code 2, one line on stderr naming the setting
 * and the fix, nothing measured and no run folder written.
 */
@Timeout(120)
class BadInputTest {
    @TempDir
    Path temp;

    private CliRun refused(String... args) throws IOException {
        Path results = temp.resolve("results");
        String[] all = Stream.concat(Stream.of("--results-dir", results.toString()), Stream.of(args)).toArray(String[]::new);
        CliRun run = CliRun.of(all);
        assertEquals(Main.BAD_INPUT, run.code(), () -> "stdout:\n" + run.out() + "\nstderr:\n" + run.err());
        assertFalse(run.out().contains("[dbbench] 1 of"), "a benchmark started:\n" + run.out());
        assertFalse(Files.exists(results), "a refused run created its results folder");
        return run;
    }

    @Test
    void badRoundTripIsRefusedBeforeAnythingStarts() throws IOException {
        String rule = ". Give round trips from 0 to 1s with a unit (us, ms or s), comma-separated, e.g. --pg-rtt 0,0.5ms,2ms";
        assertEquals("--pg-rtt value \"5\" has no unit" + rule, refused("--pg-rtt", "0,5", "selftest.PgHandoffBenchmark").errLine());
        assertEquals("--pg-rtt value \"-1ms\" is negative" + rule, refused("--pg-rtt=-1ms", "selftest.PgHandoffBenchmark").errLine());
        assertEquals("--pg-rtt value \"2s\" is over 1s" + rule, refused("--pg-rtt", "2s", "selftest.PgHandoffBenchmark").errLine());
        assertEquals("--pg-rtt value \"soon\" in \"soon\" is not a round trip" + rule, refused("--pg-rtt", "soon", "selftest.PgHandoffBenchmark").errLine());
        String line = refused("--pg-rtt", "1ms", "-f", "0", "selftest.PgHandoffBenchmark").errLine();
        assertTrue(line.startsWith("--pg-rtt cannot be used with -f 0") && line.endsWith("Give -f 1 or more"), line);
    }

    @Test
    void unknownOptionIsNamed() throws IOException {
        String line = refused("--frobnicate").errLine();
        assertTrue(line.contains("Unknown option: '--frobnicate'"), line);
        assertTrue(line.endsWith("Run with -h for the options"), line);
    }

    @Test
    void gcProfilerPropertyMustBeABoolean() throws IOException {
        System.setProperty(GcProfilerSwitch.PROPERTY, "maybe");
        try {
            String line = refused("--profile", "smoke", "selftest.PassingBenchmark").errLine();
            assertTrue(line.contains("-Ddbbench.gcProfiler must be true or false, was \"maybe\""), line);
            assertTrue(line.contains("--no-gc-profiler"), line);
        } finally {
            System.clearProperty(GcProfilerSwitch.PROPERTY);
        }
    }

    @Test
    void misspeltOptionGetsASuggestion() throws IOException {
        String line = refused("--profle", "smoke").errLine();
        assertTrue(line.contains("'--profle'") && line.contains("Did you mean --profile"), line);
    }

    @Test
    void unknownProfileNamesTheChoices() throws IOException {
        String line = refused("--profile", "fast").errLine();
        assertTrue(line.contains("--profile") && line.contains("fast") && line.contains("SMOKE, QUICK, FULL"), line);
    }

    @Test
    void badJmhValueNamesTheOption() throws IOException {
        String line = refused("-wi", "many").errLine();
        assertTrue(line.startsWith("JMH option rejected:") && line.contains("wi") && line.contains("many"), line);
    }

    @Test
    void parallelOutOfRangeIsRefused() throws IOException {
        String line = refused("--profile", "smoke", "--parallel", "0", "selftest.PassingBenchmark").errLine();
        assertTrue(line.contains("--parallel 0 is out of range: give 1 to " + RunSettings.MAX_PARALLEL), line);
    }

    @Test
    void roundsOutOfRangeOrWithWarmupForksAreRefused() throws IOException {
        String line = refused("--rounds", "0", "selftest.PassingBenchmark").errLine();
        assertTrue(line.contains("--rounds 0 is out of range: give 1 to " + Rounds.MAX), line);
        line = refused("--rounds", "2", "-wf", "1", "selftest.PassingBenchmark").errLine();
        assertTrue(line.contains("--rounds 2 cannot be used with -wf 1") && line.contains("Give --rounds 1, or leave out -wf"), line);
    }

    @Test
    void jmhOptionGivenTwiceIsRefused() throws IOException {
        String line = refused("-f", "1", "-f", "2").errLine();
        assertTrue(line.contains("-f") && line.contains("should be specified only once"), line);
    }

    @Test
    void selectionMatchingNothingSaysHowToList() throws IOException {
        String line = refused("NoSuchBenchmarkAnywhere").errLine();
        assertEquals("no benchmark matches \"NoSuchBenchmarkAnywhere\". Run with -l to list the benchmarks, or fix the regex", line);
    }

    @Test
    void invalidRegexIsNamed() throws IOException {
        String line = refused("Insert(").errLine();
        assertTrue(line.startsWith("the selection regex \"Insert(\" is not a valid Java regular expression"), line);
    }

    @Test
    void resultsDirThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        CliRun run = CliRun.of("--results-dir", file.toString(), "selftest.PassingBenchmark");
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertEquals("--results-dir is not a directory: \"" + file + "\". Name a directory (it is created when missing)", run.errLine());
    }

    @Test
    void resultsDirUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        CliRun run = CliRun.of("--results-dir", file.resolve("results").toString(), "selftest.PassingBenchmark");
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertTrue(run.errLine().startsWith("--results-dir "), run.err());
        assertTrue(run.errLine().endsWith("Name a directory you can write to") || run.errLine().endsWith("(it is created when missing)"), run.err());
    }

    @Test
    void missingSqliteDirIsNamed() throws IOException {
        Path missing = temp.resolve("no-such-dir");
        String line = refused("--sqlite-dir", missing.toString(), "selftest.PassingBenchmark").errLine();
        assertEquals("[sqlite] --sqlite-dir is not a writable directory: \"" + missing + "\". Create it or name another", line);
    }

    @Test
    void environmentSettingsAreNamedAsTheEnvironmentVariables() {
        Path missing = temp.resolve("no-such-dir");
        CliRun sqlite = CliRun.of(java.util.Map.of("DBBENCH_SQLITE_DIR", missing.toString()), java.util.List.of(),
                "--results-dir", temp.resolve("r").toString(), "selftest.PassingBenchmark");
        assertEquals(Main.BAD_INPUT, sqlite.code());
        assertEquals("[sqlite] DBBENCH_SQLITE_DIR is not a writable directory: \"" + missing + "\". Create it or name another", sqlite.errLine());

        CliRun pg = CliRun.of(java.util.Map.of("DBBENCH_PG_URL", "postgres://h/db", "DBBENCH_PG_USER", "u"), java.util.List.of(),
                "--results-dir", temp.resolve("r").toString(), "selftest.PassingBenchmark");
        assertEquals(Main.BAD_INPUT, pg.code());
        assertEquals("DBBENCH_PG_URL is not a PostgreSQL JDBC URL: \"postgres://h/db\". Expected jdbc:postgresql://host:port/database", pg.errLine());
    }

    @Test
    void commandLineWinsOverEnvironment() throws IOException {
        String line = refused("--pg-url", "nope", "--pg-user", "u", "selftest.PassingBenchmark").errLine();
        assertTrue(line.startsWith("--pg-url is not a PostgreSQL JDBC URL: \"nope\""), line);
    }

    @Test
    void malformedPostgresUrlIsNamedEvenWhenUnused() throws IOException {
        String line = refused("--pg-url", "localhost:5432/db", "--pg-user", "bench", "selftest.PassingBenchmark").errLine();
        assertEquals("--pg-url is not a PostgreSQL JDBC URL: \"localhost:5432/db\". Expected jdbc:postgresql://host:port/database", line);
    }

    @Test
    void urlWithoutUserIsNamed() throws IOException {
        String line = refused("--pg-url", "jdbc:postgresql://localhost:5432/db", "selftest.PassingBenchmark").errLine();
        assertTrue(line.startsWith("--pg-url is set but no user is"), line);
    }

    @Test
    void unreachablePostgresIsNamed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/db";
        String line = refused("--pg-url", url, "--pg-user", "bench", "selftest.PgHandoffBenchmark").errLine();
        assertTrue(line.startsWith("[postgres] --pg-url is unreachable: " + url), line);
        assertTrue(line.endsWith("Start the server or fix host and port"), line);
    }

    @Test
    void wrongPasswordNamesUserAndPasswordOptions() throws Exception {
        try (PasswordPostgres pg = PasswordPostgres.start("right-password-7f3a")) {
            CliRun run = refused("--pg-url", pg.url(), "--pg-user", PasswordPostgres.ROLE, "--pg-password", "wrong-password-9c1e", "selftest.PgHandoffBenchmark");
            String line = run.errLine();
            assertEquals("[postgres] login refused for user \"" + PasswordPostgres.ROLE + "\" at " + pg.url() + " (28P01): check --pg-user and --pg-password", line);
            assertFalse(run.out().contains("wrong-password-9c1e") || run.err().contains("wrong-password-9c1e"));
        }
    }

    @Test
    void unknownProfilerIsRefusedBeforeProvisioning() throws IOException {
        CliRun run = refused("-prof", "nosuchprofiler", "selftest.PgHandoffBenchmark");
        assertTrue(run.errLine().startsWith("-prof nosuchprofiler cannot be used: "), run.err());
        assertTrue(run.errLine().endsWith("Run with -lprof to list the profilers this machine supports"), run.err());
        assertFalse(run.out().contains("[postgres]"), "provisioned before refusing:\n" + run.out());
    }

    @Test
    void unwritableJmhOutputFileIsRefused() throws IOException {
        Path file = temp.resolve("no-such-dir").resolve("jmh.txt");
        String line = refused("-o", file.toString(), "selftest.PassingBenchmark").errLine();
        assertTrue(line.startsWith("-o cannot write \"" + file + "\""), line);
    }

    @Test
    void stackTraceOnlyWithVerbose() throws IOException {
        CliRun quiet = refused("--pg-url", "localhost:5432/db", "--pg-user", "bench");
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        CliRun verbose = CliRun.of("--verbose", "--results-dir", temp.resolve("r").toString(), "--pg-url", "localhost:5432/db", "--pg-user", "bench");
        assertEquals(Main.BAD_INPUT, verbose.code());
        assertTrue(verbose.err().lines().findFirst().orElse("").startsWith("--pg-url is not a PostgreSQL JDBC URL"), verbose.err());
        assertTrue(verbose.err().contains("\tat "), verbose.err());
    }

    @Test
    void unknownParameterNameIsRefused() throws IOException {
        String line = refused("-p", "nosuchparam=1", "selftest.PassingBenchmark").errLine();
        assertEquals("-p nosuchparam=1: no selected benchmark has a parameter \"nosuchparam\" (theirs are n). Run with -lp to list the parameters", line);
    }

    @Test
    void parameterWithoutANameIsRefused() throws IOException {
        String line = refused("-p", "=5", "selftest.PassingBenchmark").errLine();
        assertEquals("-p =5 names no parameter: give -p name=value1,value2. Run with -lp to list the parameters", line);
    }

    @Test
    void parameterValueOfTheWrongTypeIsRefusedBeforeAnyServerStarts() throws IOException {
        CliRun run = refused("-p", "n=abc", "selftest.PassingBenchmark", "selftest.PgHandoffBenchmark");
        assertEquals("-p n=abc: \"abc\" is not a value of n (PassingBenchmark): give a number of type int", run.errLine());
        assertFalse(run.out().contains("[postgres]"), "provisioned before refusing:\n" + run.out());
    }

    @Test
    void enumParameterValueMustBeOneOfItsConstants() throws IOException {
        String line = refused("-p", "op=NOPE", "SqliteConnectionPerRequestBenchmark").errLine();
        assertTrue(line.startsWith("-p op=NOPE: \"NOPE\" is not a value of op (SqliteConnectionPerRequestBenchmark): give one of "), line);
    }

    @Test
    void unknownBenchmarkModeIsBadInput() throws IOException {
        String line = refused("-bm", "fastest", "selftest.PassingBenchmark").errLine();
        assertTrue(line.startsWith("JMH option rejected: Unable to parse benchmark mode: \"fastest\""), line);
    }

    @Test
    void missingJvmIsBadInput() throws IOException {
        String line = refused("-jvm", "/nonexistent/java", "selftest.PassingBenchmark").errLine();
        assertTrue(line.startsWith("-jvm \"/nonexistent/java\" is not an executable file: name a java launcher"), line);
    }

    @Test
    void unwritableResultFileIsRefusedBeforeTheRun() throws IOException {
        String line = refused("-rf", "json", "-rff", "/proc/x/r.json", "selftest.PassingBenchmark").errLine();
        assertTrue(line.startsWith("-rff cannot write \"/proc/x/r.json\""), line);
    }

    @Test
    void emptyResultsDirIsRefused() throws IOException {
        CliRun run = CliRun.of("--results-dir", "", "selftest.PassingBenchmark");
        assertEquals(Main.BAD_INPUT, run.code(), run.err());
        assertEquals("--results-dir is empty: name a path, or leave the option out for its default", run.errLine());
        String sqlite = refused("--sqlite-dir", "", "selftest.PassingBenchmark").errLine();
        assertEquals("--sqlite-dir is empty: name a path, or leave the option out for its default", sqlite);
    }

    @Test
    void durableSettingMustBeTrueOrFalse() throws IOException {
        Path results = temp.resolve("results");
        String durable = System.clearProperty("dbbench.pg.durable");
        try {
            CliRun run = CliRun.of(java.util.Map.of("DBBENCH_PG_DURABLE", "maybe"), java.util.List.of(),
                    "--results-dir", results.toString(), "selftest.PgHandoffBenchmark");
            assertEquals(Main.BAD_INPUT, run.code(), run.err());
            assertTrue(run.errLine().startsWith("DBBENCH_PG_DURABLE must be true or false, was \"maybe\""), run.err());
            assertFalse(Files.exists(results));
        } finally {
            if (durable != null) {
                System.setProperty("dbbench.pg.durable", durable);
            }
        }
    }

    @Test
    void badParallelLeavesNoResultsFolder() throws IOException {
        refused("--parallel", "99", "selftest.PassingBenchmark");
    }

    @Test
    void passwordInsideTheUrlIsNeverPrinted() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = refused("--pg-url", "jdbc:postgresql://127.0.0.1:" + port + "/db?user=bench&password=url-secret-4d2c", "selftest.PgHandoffBenchmark");
        assertTrue(run.errLine().startsWith("[postgres] --pg-url is unreachable: jdbc:postgresql://127.0.0.1:" + port + "/db ("), run.err());
        assertFalse(run.out().contains("url-secret-4d2c") || run.err().contains("url-secret-4d2c"), run.out() + run.err());
        CliRun malformed = refused("--pg-url", "postgresql://h/db?password=url-secret-4d2c", "selftest.PassingBenchmark");
        assertEquals("--pg-url is not a PostgreSQL JDBC URL: \"postgresql://h/db?password=****\". Expected jdbc:postgresql://host:port/database", malformed.errLine());
    }

    /**
     * pgjdbc logs WARNING lines through java.util.logging straight to the process's stderr, which an
     * in-process run cannot see: the launcher runs in a process of its own here.
     */
    @Test
    void driverLogLinesNeverReachTheConsole() throws Exception {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:99999/db", "jdbc:postgresql://127.0.0.1:" + closedPort())) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "--results-dir", temp.resolve("r").toString(), "--pg-url", url, "--pg-user", "bench", "selftest.PgHandoffBenchmark")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(Main.BAD_INPUT, p.waitFor(), err);
            assertEquals(1, err.lines().count(), "one line, no driver log:\n" + err);
            assertTrue(err.startsWith("[postgres] "), err);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
