package dev.dbbench.results;

import dev.dbbench.core.provision.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's mechanics: atomic files, names, the latest link, CSV cells, secrets. */
class ResultsFilesTest {
    @TempDir
    Path temp;

    @Test
    void atomicWriteReplacesTheWholeFileAndLeavesNothingBehind() throws IOException {
        Path target = temp.resolve("results.csv");
        AtomicFiles.write(target, "old\n");
        AtomicFiles.write(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void runFoldersAreNamedByUtcTimeAndNeverReused() throws IOException {
        Instant start = Instant.parse("2026-11-25T01:35:00.750Z");
        RunFolder first = RunFolder.create(temp, start);
        RunFolder second = RunFolder.create(temp, start);
        assertEquals("2026-11-25T013500Z", first.name());
        assertEquals("2026-11-25T013500Z-2", second.name());
    }

    @Test
    void latestPointsAtTheNewestRunAndIsReplacedInPlace() throws IOException {
        RunFolder older = RunFolder.create(temp, Instant.parse("2026-11-25T01:00:00Z"));
        older.markLatest();
        assertEquals(Path.of(older.name()), Files.readSymbolicLink(temp.resolve(RunFolder.LATEST)));
        RunFolder newer = RunFolder.create(temp, Instant.parse("2026-11-25T02:00:00Z"));
        newer.markLatest();
        assertEquals(Path.of(newer.name()), Files.readSymbolicLink(temp.resolve(RunFolder.LATEST)));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(3, files.count(), "two runs and the link, no temporary link left");
        }
    }

    @Test
    void unwritableResultsDirIsOneLineNamingTheSetting() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.checkWritable(file, "--results-dir"));
        assertEquals("--results-dir is not a directory: \"" + file + "\". Name a directory (it is created when missing)", e.getMessage());
    }

    @Test
    void csvNumbersAreLocaleFreeAndPlain() {
        assertEquals("1234.5", ResultsCsv.number(1234.5));
        assertEquals("0.0000123", ResultsCsv.number(1.23e-5));
        assertEquals("12000000", ResultsCsv.number(1.2e7));
        assertEquals("", ResultsCsv.number(Double.NaN));
    }

    @Test
    void csvCellsAreQuotedOnlyWhenNeeded() {
        assertEquals("rows=1000;mode=WAL", ResultsCsv.escape("rows=1000;mode=WAL"));
        assertEquals("\"a,b\"", ResultsCsv.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultsCsv.escape("say \"hi\""));
    }

    @Test
    void secretsAreMaskedAndEmptyOnesIgnored() {
        Secrets s = Secrets.of("hunter2", "", null).and("s3cret");
        assertEquals("-Ddbbench.pg.password=**** and --pg-password **** and DBBENCH_PG_PASSWORD=****",
                s.redact("-Ddbbench.pg.password=hunter2 and --pg-password s3cret and DBBENCH_PG_PASSWORD=s3cret"));
        assertEquals("{\"password\": \"****\"}", s.redact("{\"password\": \"hunter2\"}"));
        // A password that is an ordinary word must not corrupt benchmark names.
        assertEquals("dev.dbbench.bench.postgres.insert password=****",
                Secrets.of("bench").redact("dev.dbbench.bench.postgres.insert password=bench"));
        assertEquals("nothing to hide", Secrets.none().redact("nothing to hide"));
        assertFalse(Secrets.of("").redact("a").contains(Secrets.MASK));
    }

    /** A disk that fills up while the run's files are written: the others are written, the one lost is named. */
    @Test
    void aFileThatCannotBeWrittenIsNamedAndTheOthersAreKept() throws IOException {
        RunFolder folder = RunFolder.create(temp, Instant.parse("2026-12-03T00:00:00Z"));
        ResultsWriter.FileWriter fullForJmhJson = (target, content) -> {
            if (target.getFileName().toString().equals(RunFolder.JMH_JSON)) {
                throw new IOException("No space left on device");
            }
            AtomicFiles.write(target, content);
        };
        java.util.List<String> lost = new ResultsWriter(new com.fasterxml.jackson.databind.ObjectMapper(), Secrets.none(), fullForJmhJson)
                .write(folder, java.util.List.of(), java.util.List.of(), new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        assertEquals(java.util.List.of("cannot write " + folder.path().resolve(RunFolder.JMH_JSON) + " (No space left on device); the other files are kept"), lost);
        for (String kept : java.util.List.of(RunFolder.ENVIRONMENT_JSON, RunFolder.FAILURES_JSON, RunFolder.RESULTS_CSV)) {
            assertTrue(Files.exists(folder.path().resolve(kept)), kept);
        }
    }

    /** A real full disk (a 64 KiB tmpfs; needs root to mount): the error names the file, and no temporary file is left. */
    @Test
    void aFullDiskNamesTheFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mount = Files.createDirectory(temp.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs here: " + new String(p.getInputStream().readAllBytes()));
        try {
            Path target = mount.resolve(RunFolder.JMH_JSON);
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[256 * 1024]));
            assertEquals("cannot write " + target + " (No space left on device)", e.getMessage());
            try (Stream<Path> files = Files.list(mount)) {
                assertEquals(0, files.count(), "temporary file left on the full disk");
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }
}
