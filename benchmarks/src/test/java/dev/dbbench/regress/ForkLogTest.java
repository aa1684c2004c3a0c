package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.ForkLog.Mark;
import dev.dbbench.regress.ForkLog.Times;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a fork's time went, from the moments JMH began each benchmark, and its output kept as it came. */
class ForkLogTest {
    private static final long S = 1_000_000_000L;

    @Test
    void eachBenchmarkRunsFromItsLineToTheNextBenchmarksAndItsCasesAddUp() {
        // Start-up 2 s; copy's two cases 10 s and 20 s; the ruler from 32 s until the fork ended at 40 s.
        List<Mark> marks = List.of(new Mark(12 * S, "p.Copy.copy"), new Mark(22 * S, "p.Copy.copy"), new Mark(42 * S, "p.Ruler.loop"));
        Times t = ForkLog.times(marks, 10 * S, 50 * S);
        assertEquals(2, t.before(), 1e-9);
        assertEquals(Map.of("p.Copy.copy", 30.0, "p.Ruler.loop", 8.0), t.benchmarks());
        assertEquals((2 + 8) / 40.0, t.share(List.of("p.Ruler.loop")), 1e-9, "start-up goes with every fork");
        assertTrue(Double.isNaN(t.share(List.of("p.Ruler.loop", "p.Other.x"))), "a benchmark this fork did not run");
        assertEquals("Copy.copy 30.0 s, Ruler.loop 8.0 s", t.describe());
    }

    @Test
    void aForkWithoutMarksHasNoTimes() {
        Times t = ForkLog.times(List.of(), 0, 5 * S);
        assertEquals(Times.NONE, t);
        assertTrue(Double.isNaN(t.share(List.of())), "nothing to take a share of");
    }

    @Test
    void aPairsTimesAreItsForksSummed() {
        Times base = new Times(1, new TreeMap<>(Map.of("a", 10.0, "b", 5.0)));
        Times head = new Times(2, new TreeMap<>(Map.of("a", 12.0, "b", 4.0)));
        Times pair = base.plus(head);
        assertEquals(3, pair.before(), 1e-9);
        assertEquals(Map.of("a", 22.0, "b", 9.0), pair.benchmarks());
    }

    @Test
    void theOutputIsKeptLineByLineAndTheBenchmarksAreMarked(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder("sh", "-c",
                "echo 'launcher: caf\u00e9'; echo '# Benchmark: p.Copy.copy'; echo '# Warmup Iteration   1: 3.1 ms/op'; "
                        + "echo '# Benchmark: p.Ruler.loop' >&2; echo done")
                .redirectErrorStream(true).start();
        Path log = dir.resolve("fork.log");
        long start = System.nanoTime();
        ForkLog output = ForkLog.follow(process, log, "test-output");
        assertEquals(0, process.waitFor());
        output.drain();
        Times times = output.times(start, System.nanoTime());

        assertEquals(List.of("launcher: caf\u00e9", "# Benchmark: p.Copy.copy", "# Warmup Iteration   1: 3.1 ms/op",
                "# Benchmark: p.Ruler.loop", "done"), Files.readAllLines(log, StandardCharsets.UTF_8), "bytes kept as they came");
        assertEquals(List.of("p.Copy.copy", "p.Ruler.loop"), List.copyOf(times.benchmarks().keySet()));
        assertNull(output.failure());
    }
}
