package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed and the sequential check share one path: every input is checked before anything is
 * created (one line, exit 3), and no temporary work folder is left after any exit, a failed fork's
 * included; a folder given with {@code --work-dir} is kept with the fork's log.
 */
class CompareWorkFolderTest {
    @TempDir
    Path dir;

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

    /** A failure after the forks started: progress lines, then the error as one last line. */
    private static void assertFailedCheck(Result r, String expected) {
        assertEquals(CompareCommand.BAD_INPUT, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("[compare] the ") && last.contains(expected), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + r.err());
    }

    /** Temporary work folders now in the temporary directory (other processes' included: compared before and after). */
    private static Set<String> workFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dbbench-compare-")).collect(Collectors.toSet());
        }
    }

    private static Set<String> newSince(Set<String> before) throws IOException {
        Set<String> left = new HashSet<>(workFolders());
        left.removeAll(before);
        return left;
    }

    @Test
    void theSequentialCheckChecksEveryInputBeforeAnythingIsCreated() throws Exception {
        String jar = TestJars.withWork(dir, "a.jar", 100).toString();
        Set<String> before = workFolders();
        assertBadInput(run("--base", jar, "--head", jar, "--budget", "1m", "--json", "/proc/x/c.json"), "--json /proc/x/c.json cannot be written");
        assertBadInput(run("--base", jar, "--head", jar, "--budget", "1m", "NoSuchBenchmarkAnywhere"), "matches no benchmark in either jar");
        assertBadInput(run("--base", jar, "--head", jar, "--budget", "1m", "--alpha", "0.7"), "--alpha 0.7 must be between 0 and 0.5");
        assertBadInput(run("--base", jar, "--head", jar, "--budget", "1m", "--alloc-threshold", "150"), "--alloc-threshold 150.0 must be a percentage");
        assertBadInput(run("--base", jar, "--head", jar, "--budget", "1m", "--pairs", "3"), "--pairs 3 (the first look");
        Path workDir = dir.resolve("never-made");
        assertBadInput(run("--base", jar, "--head", jar, "--budget", "1m", "--work-dir", workDir.toString(), "Work("),
                "is not a regular expression");
        assertTrue(!Files.exists(workDir), "a refused run creates no --work-dir");
        assertEquals(Set.of(), newSince(before), "temporary work folders left behind");
    }

    @Test
    void aFailedForkLeavesNoTemporaryFolderInEitherCheck() throws Exception {
        String jar = TestJars.withWork(dir, "a.jar", 100).toString();
        Set<String> before = workFolders();
        // A JVM flag no JVM knows: the first fork fails at once, after the work folder was made.
        for (String mode : new String[] {"--pairs", "--budget"}) {
            String[] args = mode.equals("--pairs")
                    ? new String[] {"--base", jar, "--head", jar, "WorkBenchmark", "--jvm-arg=-XX:+NoSuchDbbenchFlag"}
                    : new String[] {"--base", jar, "--head", jar, "WorkBenchmark", "--budget", "1m", "--jvm-arg=-XX:+NoSuchDbbenchFlag"};
            Result r = run(args);
            assertFailedCheck(r, "fork of " + jar + " failed");
            assertTrue(r.err().contains("give --work-dir DIR to keep every fork's output"), r.err());
        }
        assertEquals(Set.of(), newSince(before), "temporary work folders left behind");
    }

    @Test
    void aGivenWorkDirIsKeptWithTheFailedForksLog() throws Exception {
        String jar = TestJars.withWork(dir, "a.jar", 100).toString();
        Path workDir = dir.resolve("work");
        Result r = run("--base", jar, "--head", jar, "WorkBenchmark", "--budget", "1m", "--work-dir", workDir.toString(),
                "--jvm-arg=-XX:+NoSuchDbbenchFlag");
        assertFailedCheck(r, "full output in " + workDir.resolve("fork-001-base").resolve("fork.log"));
        assertTrue(Files.readString(workDir.resolve("fork-001-base").resolve("fork.log")).contains("NoSuchDbbenchFlag"));
    }

    @Test
    void aCheckStoppedBySigtermStopsItsForksAndLeavesNoFolder() throws Exception {
        String jar = TestJars.withWork(dir, "a.jar", 100).toString();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // The check in its own JVM with its own temporary directory, so its work folder can be watched and nothing
        // else's is mistaken for it; the fork waits for a PostgreSQL that never answers (a closed loopback port).
        Process check = new ProcessBuilder(ForkSettings.currentJava().toString(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), CompareCommand.class.getName(),
                "--base", jar, "--head", jar, "WorkBenchmark", "--budget", "1m", "--jvm-arg=-Ddbbench.pg.url=jdbc:postgresql://127.0.0.1:9/x")
                .redirectErrorStream(true).redirectOutput(dir.resolve("check.log").toFile()).start();
        try {
            Path forkLog = null;
            for (int i = 0; i < 600 && forkLog == null; i++) {
                try (Stream<Path> files = Files.walk(tmp)) {
                    forkLog = files.filter(f -> f.getFileName().toString().equals("fork.log")).findFirst().orElse(null);
                }
                Thread.sleep(100);
            }
            assertTrue(forkLog != null, "the first fork never started: " + Files.readString(dir.resolve("check.log")));
            java.util.List<ProcessHandle> forks = check.descendants().toList();
            check.destroy();
            assertTrue(check.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the check did not stop");
            for (ProcessHandle fork : forks) {
                fork.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(java.util.List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dbbench-compare-")).toList(),
                        "work folder left after SIGTERM");
            }
        } finally {
            check.descendants().forEach(ProcessHandle::destroyForcibly);
            check.destroyForcibly();
        }
    }
}
