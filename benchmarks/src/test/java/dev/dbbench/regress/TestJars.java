package dev.dbbench.regress;

import dev.dbbench.regress.ruler.WorkBenchmark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Runnable jars for tests, built without {@code mvn package}: a small jar whose manifest names the
 * test class path in {@code Class-Path}, so {@code java -jar} runs this build's classes (benchmarks
 * included: JMH reads this module's {@code META-INF/BenchmarkList}, which lists the rulers and the work
 * benchmark). Entries added to the jar come first on its class path, so a jar with its own
 * {@code work.properties} is a build with a different amount of work.
 */
final class TestJars {
    private TestJars() {}

    /**
     * A jar running this build's main benchmarks with the given work. The main benchmark list is put
     * into the jar itself: JMH reads the first list on the class path, and the test classes have their
     * own (the command line's deliberately failing benchmarks).
     */
    static Path withWork(Path dir, String name, int work) throws IOException {
        return jar(dir, name, Map.of(WorkBenchmark.RESOURCE, "work=" + work + "\n", DbbenchJar.BENCHMARK_LIST, benchmarkList()));
    }

    static Path jar(Path dir, String name, Map<String, String> entries) throws IOException {
        String classPath = System.getProperty("java.class.path");
        String urls = Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" "));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.dbbench.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, urls);
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** This module's main JMH benchmark list (rulers and work benchmark), as the annotation processor wrote it. */
    static String benchmarkList() throws IOException {
        try {
            Path classes = Path.of(WorkBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.readString(classes.resolve(DbbenchJar.BENCHMARK_LIST), StandardCharsets.UTF_8);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the main classes of this module", e);
        }
    }
}
