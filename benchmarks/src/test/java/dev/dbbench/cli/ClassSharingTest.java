package dev.dbbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSharingTest {
    private static final String KEY = "dev.dbbench.x.SomeBenchmark|/usr/bin/java|-Xmx1g";

    @TempDir
    Path root;

    private ClassSharing start() {
        return ClassSharing.start(jmhJars(), Map.of("dev.dbbench.x.SomeBenchmark", 10), root);
    }

    @Test
    void theFirstForkWritesTheArchiveAndTheLaterOnesMapIt() throws Exception {
        try (ClassSharing sharing = start()) {
            List<String> first = sharing.optionsFor(KEY);
            Path dump = Path.of(value(first, "-XX:ArchiveClassesAtExit="));
            assertTrue(first.contains(ClassSharing.QUIET), first.toString());

            // A real JVM writes the archive as it exits ...
            assertEquals(0, java(first));
            sharing.succeeded(KEY);
            List<String> later = sharing.optionsFor(KEY);
            Path archive = Path.of(value(later, "-XX:SharedArchiveFile="));
            assertTrue(Files.size(archive) > 0);
            assertFalse(Files.exists(dump), "the dump takes the archive's name once its fork ended well");
            // ... and the next one maps it: with -Xshare:on a JVM that cannot map the archive refuses to start.
            List<String> strict = new ArrayList<>(later);
            strict.add("-Xshare:on");
            assertEquals(0, java(strict));
            assertEquals(later, sharing.optionsFor(KEY), "every later fork maps the same archive");
            assertEquals(1, sharing.ready());
        }
        // The next run of the same jar finds the archive: no fork writes it again.
        try (ClassSharing next = start()) {
            assertTrue(next.optionsFor(KEY).get(0).startsWith("-XX:SharedArchiveFile="));
        }
    }

    @Test
    void aRebuiltJarGetsAFolderOfItsOwnAndTheOldOneGoes() throws IOException {
        Path jar = Files.writeString(root.resolve("benchmarks.jar"), "first build");
        Path cache = root.resolve("cache");
        Path first;
        try (ClassSharing sharing = ClassSharing.start(jar.toString(), Map.of("dev.dbbench.x.SomeBenchmark", 10), cache)) {
            first = Path.of(value(sharing.optionsFor(KEY), "-XX:ArchiveClassesAtExit=")).getParent();
        }
        Files.writeString(jar, "the second build, longer");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        try (ClassSharing sharing = ClassSharing.start(jar.toString(), Map.of("dev.dbbench.x.SomeBenchmark", 10), cache)) {
            Path second = Path.of(value(sharing.optionsFor(KEY), "-XX:ArchiveClassesAtExit=")).getParent();
            assertNotEquals(first, second);
            assertFalse(Files.exists(first), "the old build's archives are removed");
        }
    }

    @Test
    void aForkThatFailedLeavesItsClassWithoutAnArchive() throws IOException {
        try (ClassSharing sharing = start()) {
            Path dump = Path.of(value(sharing.optionsFor(KEY), "-XX:ArchiveClassesAtExit="));
            Files.writeString(dump, "half an archive");
            // No succeeded(): JMH got no results from that fork. The next fork of the class gets no flag, and never a half archive.
            assertEquals(List.of(), sharing.optionsFor(KEY));
            assertFalse(Files.exists(dump));
            assertEquals(List.of(), sharing.optionsFor(KEY));
            assertEquals(0, sharing.ready());
        }
    }

    @Test
    void aForkThatWroteNothingGivesUpWithoutAnArchive() {
        try (ClassSharing sharing = start()) {
            sharing.optionsFor(KEY);
            sharing.succeeded(KEY);
            assertEquals(List.of(), sharing.optionsFor(KEY));
        }
    }

    @Test
    void anotherLaneStartsWithoutAnArchiveWhileOneIsBeingWritten() throws Exception {
        try (ClassSharing sharing = start()) {
            assertFalse(sharing.optionsFor(KEY).isEmpty());
            AtomicReference<List<String>> otherLane = new AtomicReference<>();
            Thread lane = new Thread(() -> otherLane.set(sharing.optionsFor(KEY)));
            lane.start();
            lane.join();
            assertEquals(List.of(), otherLane.get());
            // The other lane's success report is not the dumping fork's: it changes nothing.
            Thread report = new Thread(() -> sharing.succeeded(KEY));
            report.start();
            report.join();
            assertEquals(0, sharing.ready());
        }
    }

    @Test
    void aDumpLeftUnfinishedWhenTheRunEndsIsRemoved() throws IOException {
        Path dump;
        try (ClassSharing sharing = start()) {
            dump = Path.of(value(sharing.optionsFor(KEY), "-XX:ArchiveClassesAtExit="));
            Files.writeString(dump, "x");
        }
        assertFalse(Files.exists(dump), "a dump never reported whole is no archive for the next run");
        try (ClassSharing next = start()) {
            assertTrue(next.optionsFor(KEY).get(0).startsWith("-XX:ArchiveClassesAtExit="));
        }
    }

    @Test
    void onlyAClassPathOfJarsCanShare() throws IOException {
        Path jar = Files.writeString(Files.createTempFile("dbbench", ".jar"), "x");
        Path folder = Files.createTempDirectory("dbbench-classes");
        try {
            assertTrue(ClassSharing.possible(jar.toString()));
            assertFalse(ClassSharing.possible(jar + java.io.File.pathSeparator + folder), "a class folder on the path");
            assertFalse(ClassSharing.possible(jar + "-missing.jar"));
        } finally {
            Files.delete(jar);
            Files.delete(folder);
        }
    }

    @Test
    void aClassWithFewForksWritesNoArchiveButMapsOneAnEarlierRunWrote() throws Exception {
        Map<String, Integer> few = Map.of("dev.dbbench.x.SomeBenchmark", ClassSharing.MIN_FORKS_TO_WRITE - 1);
        try (ClassSharing sharing = ClassSharing.start(jmhJars(), few, root)) {
            assertEquals(List.of(), sharing.optionsFor(KEY), "writing would cost more than the few forks save");
        }
        try (ClassSharing sharing = start()) {
            assertEquals(0, java(sharing.optionsFor(KEY)));
            sharing.succeeded(KEY);
        }
        try (ClassSharing sharing = ClassSharing.start(jmhJars(), few, root)) {
            assertTrue(sharing.optionsFor(KEY).get(0).startsWith("-XX:SharedArchiveFile="));
        }
    }

    @Test
    void offGivesNoFlags() {
        try (ClassSharing off = ClassSharing.off()) {
            assertFalse(off.on());
        }
    }

    @Test
    void archiveNamesAreReadableAndDistinctPerKey() {
        String a = ClassSharing.fileName(KEY);
        String b = ClassSharing.fileName("dev.dbbench.x.SomeBenchmark|/usr/bin/java|");
        assertTrue(a.startsWith("SomeBenchmark-"), a);
        assertNotEquals(a, b, "another JVM argument list is another archive");
    }

    private static String value(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(options.toString()))
                .substring(prefix.length());
    }

    /**
     * Runs JMH's own main ({@code -lrf}: lists its result formats) in a JVM with the given flags: it
     * loads classes from jars, as a fork does. Only jars on the path: CDS refuses class folders.
     */
    private static int java(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(jmhJars());
        command.add("org.openjdk.jmh.Main");
        command.add("-lrf");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
        assertEquals(0, p.exitValue(), output);
        return p.exitValue();
    }

    private static String jmhJars() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && (e.contains("jmh-core") || e.contains("jopt-simple") || e.contains("commons-math3")))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
