package dev.dbbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new ReportCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void rendersARunAndPrintsWhere() {
        Path runA = Fixtures.copyRun("run-a", temp);
        assertEquals(0, run(runA.toString()));
        assertEquals(runA.resolve("index.html").toString(), out.toString().strip());
        assertTrue(Files.exists(runA.resolve("summary.md")));
    }

    @Test
    void comparesTwoRuns() {
        Path runA = Fixtures.copyRun("run-a", temp);
        Path runB = Fixtures.copyRun("run-b", temp);
        assertEquals(0, run(runA.toString(), runB.toString()));
        List<String> lines = out.toString().strip().lines().toList();
        assertEquals(runB.resolve("comparison-to-run-a").resolve("index.html").toString(), lines.get(0));
        assertTrue(lines.get(1).startsWith("[report] claims: ") && lines.get(1).contains(" claims changed verdict ("), lines.get(1));
    }

    @Test
    void missingFolderIsOneLineAndExitCodeTwo() {
        Path missing = temp.resolve("nope");
        assertEquals(2, run(missing.toString()));
        assertEquals("[report] " + missing + ": no such run folder (expected results/<UTC timestamp>/ with jmh.json)",
                err.toString().strip());
    }

    @Test
    void malformedJsonIsOneLineAndExitCodeTwo() throws IOException {
        Path bad = Files.createDirectory(temp.resolve("bad"));
        Files.writeString(bad.resolve("jmh.json"), "[{");
        assertEquals(2, run(bad.toString()));
        String message = err.toString().strip();
        assertTrue(message.startsWith("[report] " + bad.resolve("jmh.json") + ": malformed JSON at line 1"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void verbosePrintsTheStackTrace() {
        assertEquals(2, run("--verbose", temp.resolve("nope").toString()));
        assertTrue(err.toString().contains("at dev.dbbench.results.RunFolder.read"), err.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(2, run("a", "b", "c"));
    }

    @Test
    void outWithOneRunIsRefused() {
        Path runA = Fixtures.copyRun("run-a", temp);
        assertEquals(2, run("--out", temp.resolve("x").toString(), runA.toString()));
        assertEquals("--out only applies to a comparison of two run folders; drop it, or name a second RUN_DIR",
                err.toString().strip());
    }

    /** The same run twice, or two runs whose folders have the same name (two machines): the charts' series stay apart. */
    @Test
    void comparesARunWithItselfAndTwoRunsOfTheSameName() throws IOException {
        Path runA = Fixtures.copyRun("run-a", temp);
        assertEquals(0, run(runA.toString(), runA.toString()), err.toString());
        Path other = Fixtures.copyRun("run-b", Files.createDirectory(temp.resolve("machine-2")));
        Path sameName = Files.move(other, other.resolveSibling("run-a"));
        assertEquals(0, run(runA.toString(), sameName.toString()), err.toString());
        assertTrue(Files.exists(sameName.resolve("comparison-to-run-a").resolve("index.html")));
    }

    @Test
    void moreThanTwoRunsIsAnError() {
        Path runA = Fixtures.copyRun("run-a", temp);
        assertEquals(2, run(runA.toString(), runA.toString(), temp.resolve("c").toString()));
        assertTrue(err.toString().strip().startsWith("report takes one run folder, or two to compare: 3 given"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
