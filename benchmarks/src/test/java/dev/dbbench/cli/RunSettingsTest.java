package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.provision.PostgresProvisioner;
import dev.dbbench.core.provision.Secrets;
import dev.dbbench.core.provision.Setting;
import dev.dbbench.core.provision.SqliteDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The settings phase: one place decides, command line over system property over environment over default. */
class RunSettingsTest {
    @TempDir
    Path temp;

    private RunSettings resolve(Map<String, String> env, String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        String[] all = Stream.concat(Stream.of("--results-dir", temp.resolve("results").toString()), Stream.of(args)).toArray(String[]::new);
        CommandLine cli = Main.commandLine(new RunCommand(env, sink, List.of()), sink, sink);
        cli.parseArgs(all);
        RunCommand command = cli.getCommand();
        return RunSettings.resolve(command.given(), JmhOptions.parse(JmhOptions.argv(cli.getParseResult(), command.regexes)), env, sink);
    }

    @Test
    void sqliteFolderComesFromTheCommandLineThenThePropertyThenTheEnvironment() throws IOException {
        Path option = Files.createDirectory(temp.resolve("option"));
        Path property = Files.createDirectory(temp.resolve("property"));
        Path variable = Files.createDirectory(temp.resolve("variable"));
        Map<String, String> env = Map.of(SqliteDirectory.DIR_ENV, variable.toString());
        System.setProperty(SqliteDirectory.DIR_PROPERTY, property.toString());
        try {
            assertEquals(new Setting(option.toString(), "--sqlite-dir"),
                    resolve(env, "--sqlite-dir", option.toString(), "selftest.PassingBenchmark").sqliteParent().orElseThrow());
            assertEquals(new Setting(property.toString(), "-D" + SqliteDirectory.DIR_PROPERTY),
                    resolve(env, "selftest.PassingBenchmark").sqliteParent().orElseThrow());
        } finally {
            System.clearProperty(SqliteDirectory.DIR_PROPERTY);
        }
        assertEquals(new Setting(variable.toString(), SqliteDirectory.DIR_ENV), resolve(env, "selftest.PassingBenchmark").sqliteParent().orElseThrow());
        assertTrue(resolve(Map.of(), "selftest.PassingBenchmark").sqliteParent().isEmpty(), "default: the system's temporary directory");
    }

    /** The build sets -Ddbbench.pg.durable=false for every test; cleared here to see the profile's choice and the environment's. */
    private static <T> T withoutDurableProperty(java.util.function.Supplier<T> body) {
        String build = System.clearProperty(PostgresProvisioner.DURABLE_PROPERTY);
        try {
            return body.get();
        } finally {
            if (build != null) {
                System.setProperty(PostgresProvisioner.DURABLE_PROPERTY, build);
            }
        }
    }

    @Test
    void theProfileDecidesWhatNoSettingGives() {
        RunSettings smoke = withoutDurableProperty(() -> resolve(Map.of(), "--profile", "smoke", "selftest.PassingBenchmark"));
        assertEquals(2, smoke.lanes());
        assertFalse(smoke.durable(), "a smoke run's server need not be durable");
        assertTrue(smoke.gcProfiler());
        RunSettings quick = withoutDurableProperty(() -> resolve(Map.of(), "selftest.PassingBenchmark"));
        assertEquals(1, quick.lanes());
        assertTrue(quick.durable(), "a measured profile's server is durable");
    }

    @Test
    void forksShareClassArchivesUnlessTurnedOffOrThereAreNoForksOrAnotherJvm() {
        // The build's tests run from class folders, where the JVM refuses archives: off here, on from benchmarks.jar.
        assertEquals(ClassSharing.possible(System.getProperty("java.class.path")),
                resolve(Map.of(), "selftest.PassingBenchmark").classSharing());
        assertFalse(resolve(Map.of(), "--no-class-sharing", "selftest.PassingBenchmark").classSharing());
        assertFalse(resolve(Map.of(), "--profile", "smoke", "selftest.PassingBenchmark").classSharing(),
                "smoke: off unless asked for");
        assertEquals(ClassSharing.possible(System.getProperty("java.class.path")),
                resolve(Map.of(), "--profile", "smoke", "--class-sharing", "selftest.PassingBenchmark").classSharing());
        assertFalse(resolve(Map.of(), "-f", "0", "selftest.PassingBenchmark").classSharing(), "-f 0: no forks");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertFalse(resolve(Map.of(), "-jvm", java, "selftest.PassingBenchmark").classSharing(), "another JVM may not take the flags");
    }

    @Test
    void forksRunInTheProfilesRoundsUnlessGivenOrThereIsNothingToSpread() {
        assertEquals(2, resolve(Map.of(), "selftest.PassingBenchmark").rounds(), "quick: each combination's forks in 2 rounds");
        assertEquals(3, resolve(Map.of(), "--profile", "full", "selftest.PassingBenchmark").rounds());
        assertEquals(1, resolve(Map.of(), "--profile", "smoke", "selftest.PassingBenchmark").rounds());
        assertEquals(4, resolve(Map.of(), "--rounds", "4", "selftest.PassingBenchmark").rounds());
        assertEquals(1, resolve(Map.of(), "--rounds", "1", "selftest.PassingBenchmark").rounds());
        assertEquals(1, resolve(Map.of(), "-f", "0", "selftest.PassingBenchmark").rounds(), "-f 0: no forks");
        assertEquals(1, resolve(Map.of(), "-wf", "1", "selftest.PassingBenchmark").rounds(), "warm-up forks would run in every round");
    }

    @Test
    void givenSettingsWinOverTheProfile() {
        Map<String, String> durable = Map.of(PostgresProvisioner.DURABLE_ENV, "true");
        RunSettings s = withoutDurableProperty(() -> resolve(durable, "--profile", "smoke", "--parallel", "3", "--no-gc-profiler",
                "selftest.PassingBenchmark"));
        assertEquals(3, s.lanes());
        assertTrue(s.durable(), "the environment over the profile");
        assertFalse(s.gcProfiler());
        String build = System.setProperty(PostgresProvisioner.DURABLE_PROPERTY, "false");
        try {
            assertFalse(resolve(durable, "--profile", "smoke", "selftest.PassingBenchmark").durable(), "the property over the environment");
        } finally {
            if (build == null) {
                System.clearProperty(PostgresProvisioner.DURABLE_PROPERTY);
            } else {
                System.setProperty(PostgresProvisioner.DURABLE_PROPERTY, build);
            }
        }
        assertEquals(1, resolve(Map.of(), "--profile", "smoke", "-f", "0", "selftest.PassingBenchmark").lanes(), "-f 0 runs one at a time");
    }

    @Test
    void aPasswordOnTheCommandLineIsASecretAndTheArgumentsAreKept() {
        RunSettings s = resolve(Map.of(), "--pg-url", "jdbc:postgresql://127.0.0.1:1/db", "--pg-user", "u", "--pg-password", "pw-secret-2",
                "selftest.PassingBenchmark");
        assertEquals("pg.password: " + Secrets.MASK, s.secrets().redact("pg.password: pw-secret-2"));
        assertEquals("pg.password: another", s.secrets().redact("pg.password: another"), "only the passwords given are known");
        assertTrue(s.arguments().contains("pw-secret-2"), "the arguments as given; the environment record masks them");
        assertFalse(s.needsPostgres());
    }
}
