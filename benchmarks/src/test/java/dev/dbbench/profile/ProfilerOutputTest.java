package dev.dbbench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilerOutputTest {
    @TempDir
    Path results;

    @Test
    void fileWritingProfilersAreSentToAStagingDirectoryUnderTheResults() {
        ProfilerOutput p = ProfilerOutput.redirect(List.of("-prof", "jfr", "-prof", "gc", "-prof", "async:libPath=/x/lib.so", "-f", "1"), results);
        List<String> argv = p.argv();
        assertTrue(argv.get(1).startsWith("jfr:dir=" + results.toAbsolutePath().resolve(".profiles-")), argv.toString());
        assertEquals("gc", argv.get(3));
        assertTrue(argv.get(5).startsWith("async:libPath=/x/lib.so;dir=" + results.toAbsolutePath()), argv.toString());
        assertEquals(List.of("-f", "1"), argv.subList(6, 8));
    }

    @Test
    void aDirTheyGaveAndTheSelectionAreLeftAlone() {
        List<String> given = List.of("-prof", "jfr:configName=profile;dir=/tmp/mine", "--", "-prof", "jfr");
        assertEquals(given, ProfilerOutput.redirect(given, results).argv());
    }

    @Test
    void profilesMoveIntoTheRunFolderAndTheStagingDirectoryGoes() throws Exception {
        ProfilerOutput p = ProfilerOutput.redirect(List.of("-prof", "jfr"), results);
        Path staging = Path.of(p.argv().get(1).substring("jfr:dir=".length()));
        // What JMH's profiler does: a directory per benchmark under dir=.
        Files.createDirectories(staging.resolve("a.B.m-AverageTime"));
        Files.writeString(staging.resolve("a.B.m-AverageTime").resolve("profile.jfr"), "x");
        Path run = Files.createDirectories(results.resolve("2026-12-03T100000Z"));
        p.moveInto(run);
        assertEquals(List.of("profiles/a.B.m-AverageTime/profile.jfr"), ProfilerOutput.files(run));
        assertFalse(Files.exists(staging));
    }

    @Test
    void withoutSuchAProfilerNothingIsMade() throws Exception {
        ProfilerOutput p = ProfilerOutput.redirect(List.of("-prof", "gc"), results);
        Path run = Files.createDirectories(results.resolve("run"));
        p.moveInto(run);
        assertEquals(List.of(), ProfilerOutput.files(run));
        try (var list = Files.list(results)) {
            assertEquals(List.of(run), list.toList());
        }
    }
}
