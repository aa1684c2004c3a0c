package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code benchmarks.jar compare} is wired in, and keeps its own exit code 3 for bad input. */
class CompareSubcommandTest {
    private static String[] run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), List.of());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, e);
        return new String[] {out.toString(StandardCharsets.UTF_8), e};
    }

    @Test
    void anUnknownCompareOptionExitsThreeInOneLine() {
        String err = run(3, "compare", "--pairz", "5")[1];
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("--pairz"), err);
    }

    @Test
    void compareWithoutInputsExitsThree() {
        String err = run(3, "compare")[1];
        assertTrue(err.contains("give either --base JAR --head JAR"), err);
    }

    @Test
    void compareHelpListsTheExitCodes() {
        String out = run(0, "compare", "-h")[0];
        assertTrue(out.contains("--unstable-is-warning") && out.contains("1 regression, 2 unstable"), out);
    }
}
