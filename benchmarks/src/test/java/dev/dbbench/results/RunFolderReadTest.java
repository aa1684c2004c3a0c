package dev.dbbench.results;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run folder: JMH's JSON, failures, environment, and one-line errors for what cannot be read. */
class RunFolderReadTest {
    @TempDir
    Path temp;

    @Test
    void readsResultsWithRawDataParamsAndSecondaryMetrics() {
        RecordedRun run = RunFolder.read(copyRun("run-a", temp));
        assertEquals(11, run.results().size());
        BenchmarkResult first = run.results().get(0);
        assertEquals("fixture.insert.InsertBenchmark", first.className());
        assertEquals("multiRowValues", first.method());
        assertEquals("1000", first.params().get("rows"));
        assertEquals(2, first.primary().forks().size());
        assertEquals(6, first.primary().iterations());
        BenchmarkResult pool = run.results().stream().filter(r -> "HIKARI".equals(r.params().get("pool")))
                .findFirst().orElseThrow();
        assertEquals(3, pool.secondary().get("waiting").score());
    }

    @Test
    void sampleModeHistogramsBecomeWeightedIterations() {
        RecordedRun run = RunFolder.read(copyRun("run-a", temp));
        BenchmarkResult fetch = run.results().stream().filter(r -> r.method().equals("fetchAll")).findFirst().orElseThrow();
        assertEquals("sample", fetch.mode());
        Sample first = fetch.primary().forks().get(0).get(0);
        assertEquals(20, first.count());
        assertEquals(40 * 10 + 60 * 10, first.total(), 1e-9);
        // JMH writes a missing error as the string "NaN".
        assertTrue(Double.isNaN(fetch.secondary().get("p0.50").error()));
    }

    @Test
    void failuresAndEnvironmentAreReadAndPasswordsLeftOut() {
        RecordedRun run = RunFolder.read(copyRun("run-a", temp));
        assertEquals(2, run.failures().size());
        assertEquals("fixture.insert.InsertBenchmark", run.failures().get(0).className());
        assertTrue(run.failures().get(0).headline().startsWith("dev.dbbench.core.DatabaseException: COPY"));
        assertFalse(run.failures().get(0).headline().contains("\n"));
        assertEquals("18.0", run.environment().get("postgres.version"));
        assertFalse(run.environment().containsKey("postgres.password"));
        assertFalse(run.environment().values().stream().anyMatch(v -> v.contains("do-not-show")));
    }

    @Test
    void missingFolderIsNamed() {
        Path missing = temp.resolve("no-such-run");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(missing));
        assertEquals(missing + ": no such run folder (expected results/<UTC timestamp>/ with jmh.json)", e.getMessage());
    }

    @Test
    void folderWithoutResultsIsNotARunFolder() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(empty));
        assertTrue(e.getMessage().startsWith(empty + ": not a run folder"), e.getMessage());
    }

    @Test
    void malformedJsonNamesFileAndPosition() throws IOException {
        Path run = Files.createDirectory(temp.resolve("bad"));
        Files.writeString(run.resolve("jmh.json"), "[\n  {\"benchmark\": \"a.B.c\",\n  oops\n]");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(run));
        assertTrue(e.getMessage().startsWith(run.resolve("jmh.json") + ": malformed JSON at line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void entryWithoutBenchmarkIsNamed() throws IOException {
        Path run = Files.createDirectory(temp.resolve("nobench"));
        Files.writeString(run.resolve("jmh.json"), "[{\"mode\": \"avgt\"}]");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(run));
        assertEquals(run.resolve("jmh.json") + ": entry 1: \"benchmark\" is missing or not a string", e.getMessage());
    }

    @Test
    void objectInsteadOfArrayIsRefused() throws IOException {
        Path run = Files.createDirectory(temp.resolve("object"));
        Files.writeString(run.resolve("jmh.json"), "{\"benchmark\": \"x\"}");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(run));
        assertEquals(run.resolve("jmh.json") + ": expected a JSON array of benchmark results (JMH's -rf json), found object", e.getMessage());
    }

    @Test
    void runWhereEverythingFailedHasOnlyFailures() throws IOException {
        Path run = Files.createDirectory(temp.resolve("allfailed"));
        Files.writeString(run.resolve("jmh.json"), "");
        Files.writeString(run.resolve("failures.json"),
                "[{\"benchmark\": \"a.B.c\", \"params\": {\"n\": \"1\"}, \"error\": \"boom\"}]");
        RecordedRun folder = RunFolder.read(run);
        assertTrue(folder.results().isEmpty());
        assertEquals("boom", folder.failures().get(0).reason());
        assertEquals(List.of(), folder.failures().get(0).error());
        assertEquals("1", folder.failures().get(0).params().get("n"));
    }

    @Test
    void aBenchmarkThatMovedIsReadUnderItsCurrentName() throws IOException {
        Path run = Files.createDirectory(temp.resolve("moved"));
        Files.writeString(run.resolve("jmh.json"), "");
        Files.writeString(run.resolve("failures.json"),
                "[{\"benchmark\": \"dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.set\", \"params\": {}, \"error\": \"boom\"}]");
        assertEquals("dev.dbbench.bench.sqlite.kv.SqliteKvSetBenchmark.set", RunFolder.read(run).failures().get(0).benchmark());
        assertEquals("dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.get", BenchmarkNames.current("dev.dbbench.bench.sqlite.kv.SqliteKvBenchmark.get"));
    }

    /** A fresh copy of a fixture run of {@code src/test/resources/runs} (see the report's Fixtures). */
    static Path copyRun(String name, Path parent) {
        try {
            Path source = Path.of(RunFolderReadTest.class.getResource("/runs/" + name).toURI());
            Path target = Files.createDirectories(parent.resolve(name));
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
