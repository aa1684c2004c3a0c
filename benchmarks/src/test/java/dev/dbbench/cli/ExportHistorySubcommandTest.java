package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code history} are wired in; their bad input is one line and exit code 2. */
class ExportHistorySubcommandTest {
    @TempDir
    Path temp;

    static String fixture() throws URISyntaxException {
        return Path.of(ExportHistorySubcommandTest.class.getResource("/runs/run-export").toURI()).toString();
    }

    @Test
    void exportWritesTheFileItNames() throws Exception {
        Path out = temp.resolve("sub/bmf.json");
        CliRun run = CliRun.of("export", "--format", "bmf", fixture(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out.toString(), run.out().strip());
        assertTrue(Files.readString(out).startsWith("{"));
    }

    @Test
    void gabWritesBothDirectionsIntoTheDirectory() throws Exception {
        CliRun run = CliRun.of("export", "--format", "GAB", fixture(), "--out", temp.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(temp.resolve("customSmallerIsBetter.json")));
        assertTrue(Files.exists(temp.resolve("customBiggerIsBetter.json")));
    }

    @Test
    void aMissingRunFolderIsOneLine() {
        CliRun run = CliRun.of("export", "--format", "bmf", temp.resolve("nope").toString());
        assertEquals(2, run.code());
        assertTrue(run.errLine().startsWith("[export] ") && run.errLine().contains("no such run folder"), run.err());
    }

    @Test
    void anUnknownFormatIsOneLine() throws Exception {
        CliRun run = CliRun.of("export", "--format", "xml", fixture());
        assertEquals(2, run.code());
        assertTrue(run.errLine().contains("--format") && run.errLine().contains("[BMF, GAB]"), run.err());
    }

    @Test
    void gabIntoAFileIsOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("file.json"), "");
        CliRun run = CliRun.of("export", "--format", "gab", fixture(), "--out", file.toString());
        assertEquals(2, run.code());
        assertTrue(run.errLine().contains("--out") && run.errLine().contains("directory"), run.err());
    }

    @Test
    void historyOfAMissingDirectoryIsOneLine() {
        CliRun run = CliRun.of("history", temp.resolve("nope").toString());
        assertEquals(2, run.code());
        assertTrue(run.errLine().startsWith("[history] RESULTS_DIR is not a directory"), run.err());
    }

    @Test
    void historyOfAnEmptyDirectoryWritesAPage() throws Exception {
        CliRun run = CliRun.of("history", temp.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(temp.resolve("history.html")).contains("No run holds results yet"));
    }
}
