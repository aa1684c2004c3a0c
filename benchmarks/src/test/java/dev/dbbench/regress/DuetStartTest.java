package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A duet starts two forks one after the other; when the second cannot start, the first, already
 * running with its database, is stopped at once rather than left running until the check ends.
 */
class DuetStartTest {
    @Test
    void whenTheSecondForkCannotStartTheFirstIsStopped(@TempDir Path dir) throws Exception {
        PairSchedule duet = PairSchedule.detect("auto");
        assumeTrue(duet.kind() == PairSchedule.Kind.DUET, "a duet needs taskset and two CPUs");
        Path jarPath = TestJars.withWork(dir, "long.jar", 100);
        DbbenchJar jar = DbbenchJar.open(jarPath, "--base");
        // Long enough that it is still running when the second start fails: 100 one-second iterations.
        ForkSettings settings = new ForkSettings(ForkSettings.currentJava(), List.of(), 0, 100, "1s", "1s", duet);
        WorkFolder work = WorkFolder.open(dir.resolve("work"));
        // The second fork of pair 0 (the head's) gets this folder: a file in its place makes its start fail.
        Files.writeString(work.path().resolve("fork-002-head"), "in the way");
        ForkRunner runner = new ForkRunner(settings, work, new PrintWriter(new StringWriter()));
        SortedSet<String> names = new TreeSet<>(List.of("dev.dbbench.regress.ruler.WorkBenchmark.work"));

        BadInputException e = assertThrows(BadInputException.class, () -> runner.pair(jar, jar, names, 0));
        assertTrue(e.getMessage().contains("head fork"), e.getMessage());

        assertTrue(Files.isDirectory(work.path().resolve("fork-001-base")), "the base fork had started");
        List<ProcessHandle> launchers = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(jarPath.toString())).toList();
        for (ProcessHandle launcher : launchers) {
            // Stopping is asynchronous: give it the time a JVM takes to exit, not a measure of speed.
            launcher.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(launcher.isAlive());
        }
    }
}
