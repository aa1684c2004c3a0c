package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.results.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke profile through real JMH forks: a real bench-sqlite class, a combination that works,
 * one whose set-up throws, a fork that dies, and a benchmark that needs the launcher's PostgreSQL
 * (a server that checks passwords, so the password's path can be followed).
 */
@Timeout(240)
class EndToEndTest {
    private static final String PASSWORD = "e2e-secret-5b8d";
    private static PasswordPostgres pg;
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PasswordPostgres.start(PASSWORD);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    @Test
    void smokeRunRecordsResultsAndFailuresAndNeverThePassword() throws Exception {
        Path results = temp.resolve("results");
        Path sqliteDir = Files.createDirectory(temp.resolve("sqlite"));
        List<Path> notified = new ArrayList<>();
        Plan.Item sqlite = realSqliteBenchmark();
        List<String> args = new ArrayList<>(List.of("--profile", "smoke", "--results-dir", results.toString(),
                "--pg-url", pg.url(), "--pg-user", PasswordPostgres.ROLE, "--pg-password", PASSWORD, "--sqlite-dir", sqliteDir.toString()));
        sqlite.params().forEach((name, value) -> args.addAll(List.of("-p", name + "=" + value)));
        args.addAll(List.of("^" + Pattern.quote(sqlite.benchmark()) + "$", "selftest.PassingBenchmark", "selftest.DyingForkBenchmark", "selftest.PgHandoffBenchmark"));
        CliRun run = CliRun.of(Map.of(), List.of(notified::add), args.toArray(String[]::new));

        assertEquals(Main.SOME_FAILED, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("[dbbench] 1 of 5: "), run.out());
        assertTrue(run.out().contains("[dbbench] 5 of 5: "), run.out());
        assertTrue(run.out().contains("2 failures:"), run.out());
        // Smoke runs two benchmarks at a time; each one's JMH text still comes out in one piece.
        String passing = "dev.dbbench.cli.selftest.PassingBenchmark.step";
        int from = run.out().indexOf("# Benchmark: " + passing);
        int to = run.out().lastIndexOf("Result \"" + passing + "\"");
        assertTrue(from >= 0 && to > from, run.out());
        assertFalse(run.out().substring(from, to).replace("# Benchmark: " + passing, "").contains("# Benchmark: "), run.out());

        Path latest = results.resolve(RunFolder.LATEST);
        assertTrue(Files.isSymbolicLink(latest));
        Path runDir = results.resolve(Files.readSymbolicLink(latest));
        assertTrue(runDir.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}T\\d{6}Z"), runDir.toString());
        assertEquals(List.of(runDir.toRealPath()), notified.stream().map(p -> p.toAbsolutePath().normalize()).toList().stream()
                .map(EndToEndTest::real).toList());
        try (Stream<Path> files = Files.list(runDir)) {
            // The results, then the report rendered from them by the launcher right after the run.
            assertEquals(List.of("charts", "durations.json", "environment.json", "failures.json", "index.html", "jmh.json", "results.csv", "summary.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // No earlier smoke run in this results folder: the plan comes from the reference smoke run the jar ships (for the combinations it has) and the settings; every combination's time is recorded, failed ones too.
        assertTrue(run.out().contains(" planned (from the reference smoke run (1 of 5 combinations) and the settings), 2 benchmarks at a time"), run.out());
        JsonNode durations = json.readTree(runDir.resolve(RunFolder.DURATIONS_JSON).toFile()).get("combinations");
        assertEquals(5, durations.size(), durations.toPrettyString());
        durations.forEach(d -> assertTrue(d.get("seconds").asDouble() > 0, d.toPrettyString()));

        JsonNode jmh = json.readTree(runDir.resolve(RunFolder.JMH_JSON).toFile());
        List<String> measured = new ArrayList<>();
        jmh.forEach(r -> measured.add(r.get("benchmark").asText() + r.get("params")));
        String sqliteParams = sqlite.params().isEmpty() ? "null" : json.writeValueAsString(sqlite.params());
        assertEquals(List.of(sqlite.benchmark() + sqliteParams, "dev.dbbench.cli.selftest.PassingBenchmark.step{\"n\":\"1\"}",
                "dev.dbbench.cli.selftest.PgHandoffBenchmark.selectOnenull"), measured.stream().sorted().toList());
        jmh.forEach(r -> assertEquals(1, r.get("primaryMetric").get("rawData").get(0).size(), "raw data kept"));

        List<String> csv = Files.readAllLines(runDir.resolve(RunFolder.RESULTS_CSV));
        assertTrue(csv.get(0).startsWith("benchmark,mode,params,threads,forks,samples,score,score_error,score_unit"), csv.get(0));
        assertEquals(4, csv.size(), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("dev.dbbench.cli.selftest.PassingBenchmark.step,avgt,n=1,1,1,1,") && l.contains(",,ns/op")), String.join("\n", csv));

        JsonNode failures = json.readTree(runDir.resolve(RunFolder.FAILURES_JSON).toFile());
        assertEquals(2, failures.size(), failures.toPrettyString());
        JsonNode threw = find(failures, "dev.dbbench.cli.selftest.PassingBenchmark.step");
        assertEquals("2", threw.get("params").get("n").asText());
        assertTrue(threw.get("reason").asText().contains("deliberate failure for n=2"), threw.toPrettyString());
        String error = threw.get("error").asText();
        assertTrue(error.startsWith(threw.get("reason").asText() + "\n"), threw.toPrettyString());
        assertTrue(error.lines().skip(1).findFirst().orElse("").contains("IllegalStateException: deliberate failure for n=2"), threw.toPrettyString());
        assertTrue(error.contains("\tat dev.dbbench.cli.selftest.PassingBenchmark.setUp"), "the stack's first frames are kept: " + error);
        JsonNode died = find(failures, "dev.dbbench.cli.selftest.DyingForkBenchmark.die");
        assertEquals("forked VM failed with exit code 3", died.get("reason").asText(), died.toPrettyString());

        JsonNode env = json.readTree(runDir.resolve(RunFolder.ENVIRONMENT_JSON).toFile());
        assertEquals("smoke", env.get("run").get("profile").asText());
        // Smoke's tables are scaled down, said in the record and the report; the fixture template a fork built is dropped at the end.
        assertEquals("smoke", env.get("run").get("scale").asText());
        assertTrue(Files.readString(runDir.resolve("summary.md")).contains("smoke: tables scaled to 1/100"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.url(), PasswordPostgres.ROLE, PASSWORD);
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE starts_with(datname, 'fx_')")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the run's fixture templates are dropped");
        }
        assertEquals(2, env.get("run").get("parallel").asInt());
        assertEquals(2, env.get("run").get("failures").asInt());
        assertEquals("explicit", env.get("postgres").get("source").asText());
        assertTrue(env.get("postgres").get("server_version").asText().startsWith("18"), env.get("postgres").toPrettyString());
        assertEquals("wal", env.get("sqlite").get("journal_mode").asText());
        assertEquals(sqliteDir.toString(), env.get("sqlite").get("files_under").asText());
        assertEquals(System.getProperty("java.version"), env.get("jdk").get("version").asText());
        assertEquals("1.37", env.get("jmh").get("version").asText());
        assertFalse(env.get("libraries").toString().contains("unknown"), env.get("libraries").toPrettyString());

        // The run's line in the history, naming the same commit as environment.json (from the build, not from git now).
        List<String> history = Files.readAllLines(results.resolve(dev.dbbench.history.HistoryFile.NAME));
        assertEquals(1, history.size(), history.toString());
        JsonNode line = json.readTree(history.get(0));
        assertEquals(runDir.getFileName().toString(), line.get("run").asText());
        assertEquals("smoke", line.get("profile").asText());
        assertEquals(env.get("git_commit"), line.get("commit"));
        assertEquals("explicit", line.get("environment").get("postgres.source").asText());

        assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), "password printed");
        try (Stream<Path> all = Files.walk(results)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                // Bytes, not text: the report's charts are PNG files.
                String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(PASSWORD), "password written to " + f);
                assertFalse(f.getFileName().toString().endsWith(".tmp"), "temporary file left: " + f);
            }
        }
    }

    @Test
    void jmhOptionsOverrideTheProfileAndExtraResultCopyIsWritten() throws Exception {
        Path results = temp.resolve("results");
        Path extra = temp.resolve("extra.csv");
        CliRun run = CliRun.of("--profile", "smoke", "--results-dir", results.toString(), "-i", "2", "-p", "n=1", "-rf", "csv", "-rff", extra.toString(),
                "selftest.PassingBenchmark");
        assertEquals(Main.OK, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("[dbbench] 1 of 1: "), run.out());

        JsonNode jmh = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.JMH_JSON).toFile());
        assertEquals(1, jmh.size());
        assertEquals(2, jmh.get(0).get("measurementIterations").asInt(), "-i overrides the profile");
        assertEquals(0, jmh.get(0).get("warmupIterations").asInt(), "the profile fills in what -i does not");
        assertEquals(1, jmh.get(0).get("forks").asInt());
        assertTrue(Files.readString(extra).contains("dev.dbbench.cli.selftest.PassingBenchmark.step"), "JMH's own -rf/-rff copy");
        assertEquals("[ ]", Files.readString(results.resolve(RunFolder.LATEST).resolve(RunFolder.FAILURES_JSON)).trim());
    }

    /**
     * --rounds: the combination's first fork, then its second in a JMH run of their own; the run
     * folder has one result with both forks, and the run's settings say how it was measured.
     */
    @Test
    void forksInRoundsAreOneResultWithEveryFork() throws Exception {
        Path results = temp.resolve("results");
        CliRun run = CliRun.of("--profile", "smoke", "--results-dir", results.toString(), "-f", "2", "--rounds", "2", "-p", "n=1",
                "selftest.PassingBenchmark");
        assertEquals(Main.OK, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("[dbbench] round 2 of 2: every combination again, its next fork(s)"), run.out());
        assertTrue(run.out().contains("[dbbench] 2 of 2: "), run.out());
        assertTrue(run.out().contains(": 1 benchmark x parameter combinations, about ") && run.out().contains("in 2 rounds (2 parts in all)"), run.out());

        Path runDir = results.resolve(RunFolder.LATEST);
        JsonNode jmh = json.readTree(runDir.resolve(RunFolder.JMH_JSON).toFile());
        assertEquals(1, jmh.size(), jmh.toPrettyString());
        assertEquals(2, jmh.get(0).get("forks").asInt());
        assertEquals(2, jmh.get(0).get("primaryMetric").get("rawData").size());
        JsonNode env = json.readTree(runDir.resolve(RunFolder.ENVIRONMENT_JSON).toFile()).get("run");
        assertEquals(2, env.get("rounds").asInt());
        assertEquals(1, env.get("planned_combinations").asInt());
        JsonNode durations = json.readTree(runDir.resolve(RunFolder.DURATIONS_JSON).toFile()).get("combinations");
        assertEquals(2, durations.size(), "a part per round");
        durations.forEach(d -> assertEquals(1, d.get("forks").asInt()));
    }

    /** -prof jfr writes into the run folder, not the working directory, and the report links the file. */
    @Test
    void flightRecordingsGoIntoTheRunFolder() throws Exception {
        Path results = temp.resolve("results-jfr");
        CliRun run = CliRun.of("--profile", "smoke", "--results-dir", results.toString(), "-p", "n=1", "-prof", "jfr", "selftest.PassingBenchmark");
        assertEquals(Main.OK, run.code(), run.out() + run.err());
        Path runDir = results.resolve(Files.readSymbolicLink(results.resolve(RunFolder.LATEST)));
        List<String> files = dev.dbbench.profile.ProfilerOutput.files(runDir);
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).startsWith("profiles/dev.dbbench.cli.selftest.PassingBenchmark.step-") && files.get(0).endsWith("/profile.jfr"), files.toString());
        assertTrue(Files.size(runDir.resolve(files.get(0))) > 0);
        assertTrue(Files.readString(runDir.resolve("index.html")).contains("href=\"" + files.get(0) + "\""));
        try (Stream<Path> left = Files.list(results)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".profiles-")), "the staging directory is removed");
        }
    }

    /** Allocation per operation is in every run's results unless turned off; -prof gc given as well is not added twice. */
    @Test
    void gcProfilerIsOnByDefaultAndCanBeTurnedOff() throws Exception {
        for (List<String> extra : List.of(List.<String>of(), List.of("-prof", "gc"), List.of("--no-gc-profiler"))) {
            Path results = temp.resolve("results" + extra.size() + extra.hashCode());
            List<String> args = new ArrayList<>(List.of("--profile", "smoke", "--results-dir", results.toString(), "-p", "n=1"));
            args.addAll(extra);
            args.add("selftest.PassingBenchmark");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(Main.OK, run.code(), extra + run.out() + run.err());
            boolean expected = !extra.contains("--no-gc-profiler");
            JsonNode jmh = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.JMH_JSON).toFile());
            assertEquals(expected, jmh.get(0).get("secondaryMetrics").has("gc.alloc.rate.norm"), extra + jmh.toPrettyString());
            String header = Files.readAllLines(results.resolve(RunFolder.LATEST).resolve(RunFolder.RESULTS_CSV)).get(0);
            assertEquals(expected, header.contains("gc.alloc.rate.norm [B/op]"), header);
            JsonNode env = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.ENVIRONMENT_JSON).toFile());
            assertEquals(expected, env.get("run").get("gc_profiler").asBoolean(), env.get("run").toPrettyString());
        }
    }

    @Test
    void failOnErrorStopsTheRunButKeepsWhatWasMeasured() throws Exception {
        Path results = temp.resolve("results");
        CliRun run = CliRun.of("--profile", "smoke", "--results-dir", results.toString(), "-foe", "true", "selftest.PassingBenchmark");
        assertEquals(Main.SOME_FAILED, run.code(), run.out() + run.err());
        JsonNode jmh = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.JMH_JSON).toFile());
        assertEquals(1, jmh.size(), "n=1 ran before n=2 failed");
        JsonNode failures = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.FAILURES_JSON).toFile());
        assertEquals(1, failures.size(), failures.toPrettyString());
        assertEquals("2", failures.get(0).get("params").get("n").asText());
    }

    /**
     * --pg-rtt: the PostgreSQL benchmark runs once per round trip, its forks reaching the server
     * through the launcher's relays, each result carrying pgRtt; the other benchmark runs once.
     */
    @Test
    void roundTripsRunPostgresBenchmarksOncePerValueThroughRelays() throws Exception {
        Path results = temp.resolve("results");
        Path sqliteDir = Files.createDirectory(temp.resolve("sqlite"));
        CliRun run = CliRun.of("--profile", "smoke", "--results-dir", results.toString(), "--pg-rtt", "0,1ms", "-p", "n=1",
                "--pg-url", pg.url(), "--pg-user", PasswordPostgres.ROLE, "--pg-password", PASSWORD, "--sqlite-dir", sqliteDir.toString(),
                "selftest.PassingBenchmark", "selftest.PgHandoffBenchmark");
        assertEquals(Main.OK, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("[dbbench] 3 of 3: "), run.out());
        assertTrue(run.out().contains("[relay] pgRtt=1ms: SELECT 1 measured "), run.out());

        Path runDir = results.resolve(RunFolder.LATEST);
        JsonNode jmh = json.readTree(runDir.resolve(RunFolder.JMH_JSON).toFile());
        List<String> measured = new ArrayList<>();
        jmh.forEach(r -> measured.add(r.get("benchmark").asText() + r.get("params")));
        assertEquals(List.of("dev.dbbench.cli.selftest.PassingBenchmark.step{\"n\":\"1\"}",
                "dev.dbbench.cli.selftest.PgHandoffBenchmark.selectOne{\"pgRtt\":\"0ms\"}",
                "dev.dbbench.cli.selftest.PgHandoffBenchmark.selectOne{\"pgRtt\":\"1ms\"}"), measured.stream().sorted().toList());
        List<String> csv = Files.readAllLines(runDir.resolve(RunFolder.RESULTS_CSV));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("dev.dbbench.cli.selftest.PgHandoffBenchmark.selectOne,avgt,pgRtt=1ms,")), String.join("\n", csv));
        /*
         * The proof that the forks' connections went through the relay, not around it: its SELECT 1
         * cannot take less than the round trip the relay adds (a delay is a floor that noise only
         * raises, so this bound holds on any machine, however busy).
         */
        for (JsonNode r : jmh) {
            if (r.get("params") != null && "1ms".equals(r.get("params").path("pgRtt").asText())) {
                assertEquals("us/op", r.get("primaryMetric").get("scoreUnit").asText());
                assertTrue(r.get("primaryMetric").get("score").asDouble() >= 800, r.toPrettyString());
            }
        }

        JsonNode rtt = json.readTree(runDir.resolve(RunFolder.ENVIRONMENT_JSON).toFile()).get("pg_rtt");
        assertEquals("pgRtt", rtt.get("parameter").asText());
        assertEquals(List.of("0ms", "1ms"), iterable(rtt.get("round_trips").fieldNames()));
        // What the relay adds is measured, not assumed: a delay only adds, so 1ms adds at least most of a millisecond.
        assertTrue(rtt.get("round_trips").get("1ms").get("added_median_ms").asDouble() > 0.8, rtt.toPrettyString());
        assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), "password printed");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void oneAtATimeRecordsFailuresAndGoesOn() throws Exception {
        Path results = temp.resolve("results");
        CliRun run = CliRun.of("--profile", "smoke", "--parallel", "1", "--results-dir", results.toString(),
                "selftest.DyingForkBenchmark", "selftest.PassingBenchmark");
        assertEquals(Main.SOME_FAILED, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("[dbbench] 3 of 3: "), run.out());
        JsonNode jmh = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.JMH_JSON).toFile());
        assertEquals(1, jmh.size(), jmh.toPrettyString());
        JsonNode failures = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.FAILURES_JSON).toFile());
        assertEquals(2, failures.size(), failures.toPrettyString());
        JsonNode env = json.readTree(results.resolve(RunFolder.LATEST).resolve(RunFolder.ENVIRONMENT_JSON).toFile());
        assertEquals(1, env.get("run").get("parallel").asInt());
    }

    /**
     * pgjdbc users put the password in the URL: it is taken out, the forks still log in, and it is
     * in no output and no file.
     */
    @Test
    void passwordInsideTheUrlWorksAndIsWrittenNowhere() throws Exception {
        Path results = temp.resolve("results");
        CliRun run = CliRun.of("--profile", "smoke", "--results-dir", results.toString(),
                "--pg-url", pg.url() + "?user=" + PasswordPostgres.ROLE + "&password=" + PASSWORD, "selftest.PgHandoffBenchmark");
        assertEquals(Main.OK, run.code(), run.out() + run.err());
        assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), "password printed:\n" + run.out() + run.err());
        try (Stream<Path> all = Files.walk(results)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(PASSWORD), "password written to " + f);
            }
        }
    }

    /**
     * The launcher as a person runs it, in a process of its own, interrupted while a fork is busy
     * (Process.destroy sends SIGTERM, handled as Ctrl-C): what finished is kept, the busy fork is
     * stopped and nothing new starts, exit code 130, no process or temporary file is left; and
     * while it ran, no process's command line (what {@code ps} shows every user) held the password.
     */
    @Test
    void interruptedRunKeepsWhatFinishedAndLeavesNothingBehind() throws Exception {
        Path results = temp.resolve("results");
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path log = temp.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Djmh.ignoreLock=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--profile", "smoke", "--parallel", "1", "--results-dir", results.toString(), "--pg-url", pg.url(), "--pg-user", PasswordPostgres.ROLE,
                "-p", "n=1", "selftest.PassingBenchmark", "selftest.PgHandoffBenchmark", "selftest.SleepingBenchmark")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DBBENCH_PG_PASSWORD", PASSWORD);
        Process launcher = builder.start();
        List<ProcessHandle> seen = new ArrayList<>();
        try {
            // Waits for the sleeping benchmark's fork: the two before it have finished by then.
            ProcessHandle sleeping = null;
            while (sleeping == null) {
                assertTrue(launcher.isAlive(), () -> "the launcher ended early (exit " + launcher.exitValue() + "):\n" + read(log));
                for (ProcessHandle p : launcher.descendants().toList()) {
                    String commandLine = commandLine(p);
                    assertFalse(commandLine.contains(PASSWORD), "a command line holds the password: " + commandLine);
                    seen.add(p);
                    // A fork is the launcher's Java child (Linux may cut a long command line inside the class path).
                    boolean fork = p.parent().map(parent -> parent.pid() == launcher.pid()).orElse(false)
                            && p.info().command().orElse("").endsWith("java");
                    if (fork && Files.readString(log).contains("[dbbench] 3 of 4: ")) {
                        sleeping = p;
                    }
                }
                Thread.sleep(100);
            }
            assertFalse(commandLine(launcher.toHandle()).contains(PASSWORD));

            launcher.destroy();
            assertEquals(Interruption.EXIT_CODE, launcher.waitFor(), Files.readString(log));
        } finally {
            launcher.destroyForcibly();
        }
        String output = Files.readString(log);
        for (ProcessHandle p : seen) {
            assertFalse(p.isAlive(), "outlived the launcher: " + p.info().commandLine().orElse(String.valueOf(p.pid())));
        }
        assertFalse(output.contains("[dbbench] 4 of 4"), "a fork started after the interrupt:\n" + output);

        Path runDir = results.resolve(RunFolder.LATEST);
        JsonNode jmh = json.readTree(runDir.resolve(RunFolder.JMH_JSON).toFile());
        List<String> measured = new ArrayList<>();
        jmh.forEach(r -> measured.add(r.get("benchmark").asText()));
        assertEquals(List.of("dev.dbbench.cli.selftest.PassingBenchmark.step", "dev.dbbench.cli.selftest.PgHandoffBenchmark.selectOne"),
                measured.stream().sorted().toList(), output);
        JsonNode failures = json.readTree(runDir.resolve(RunFolder.FAILURES_JSON).toFile());
        assertEquals("interrupted before it finished", find(failures, "dev.dbbench.cli.selftest.SleepingBenchmark.sleep").get("reason").asText());
        assertEquals("not run: the run was interrupted", find(failures, "dev.dbbench.cli.selftest.SleepingBenchmark.sleepAgain").get("reason").asText());
        assertTrue(json.readTree(runDir.resolve(RunFolder.ENVIRONMENT_JSON).toFile()).get("run").get("interrupted").asBoolean());
        assertTrue(Files.exists(runDir.resolve("index.html")), "the report of what finished");
        try (Stream<Path> left = Files.list(tmp)) {
            // The password file and the run's SQLite folder; JMH's and the drivers' own files are theirs to clean.
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dbbench-")).toList());
        }
    }

    /**
     * The first combination of the first bench-sqlite benchmark, found rather than named so the
     * test follows that module's classes as they change.
     */
    private static Plan.Item realSqliteBenchmark() throws Exception {
        return Plan.of(new CommandLineOptions("^dev\\.dbbench\\.bench\\.sqlite\\.")).items().get(0);
    }

    private static JsonNode find(JsonNode failures, String benchmark) {
        for (JsonNode f : failures) {
            if (f.get("benchmark").asText().equals(benchmark)) {
                return f;
            }
        }
        throw new AssertionError("no failure recorded for " + benchmark + " in " + failures.toPrettyString());
    }

    /** What `ps -eo args` shows, whole: /proc's copy where there is one (ProcessHandle may cut a long one short). */
    private static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(proc), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
