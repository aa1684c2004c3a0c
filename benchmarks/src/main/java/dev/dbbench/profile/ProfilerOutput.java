package dev.dbbench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where profilers that write files put them. JMH's {@code jfr} and {@code async} profilers write into
 * the working directory unless given {@code dir=}; a run's files belong in its folder,
 * {@code results/<run>/profiles/<benchmark id>/} (JMH makes the per-benchmark directory). That folder
 * is named when the run ends, so the profilers write into a staging directory under the results
 * directory, moved into the run folder once it exists. A {@code dir=} the person gave is left alone.
 * A run that stops before its folder is made leaves the staging directory ({@code .profiles-*}) behind
 * with whatever the profilers wrote.
 */
public final class ProfilerOutput {
    public static final String PROFILES = "profiles";
    /** The profilers that write files, by JMH's short name and class name. */
    static final Set<String> FILE_PROFILERS = Set.of("jfr", "async",
            "org.openjdk.jmh.profile.JavaFlightRecorderProfiler", "org.openjdk.jmh.profile.AsyncProfiler");

    private final List<String> argv;
    private final Path staging;

    private ProfilerOutput(List<String> argv, Path staging) {
        this.argv = List.copyOf(argv);
        this.staging = staging;
    }

    /**
     * Rewrites each {@code -prof jfr[:opts]} / {@code -prof async[:opts]} of JMH's command line that has
     * no {@code dir=} to write under a new staging directory in {@code resultsDir}. Everything after
     * {@code --} (the selection) is left alone.
     */
    public static ProfilerOutput redirect(List<String> jmhArgv, Path resultsDir) {
        List<String> out = new ArrayList<>(jmhArgv.size());
        Path staging = null;
        boolean selection = false;
        for (int i = 0; i < jmhArgv.size(); i++) {
            String arg = jmhArgv.get(i);
            out.add(arg);
            if (arg.equals("--")) {
                selection = true;
            }
            if (selection || !arg.equals("-prof") || i + 1 >= jmhArgv.size()) {
                continue;
            }
            String value = jmhArgv.get(++i);
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String options = colon < 0 ? "" : value.substring(colon + 1);
            if (FILE_PROFILERS.contains(name) && !hasDir(options)) {
                if (staging == null) {
                    // Named here, made by the profiler itself (JMH's jfr and async profilers create their directory).
                    staging = resultsDir.toAbsolutePath().resolve(".profiles-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                }
                // JMH's profiler options are separated by ';' (e.g. -prof jfr:configName=profile;stackDepth=128).
                value = name + ":" + (options.isEmpty() ? "" : options + ";") + "dir=" + staging;
            }
            out.add(value);
        }
        return new ProfilerOutput(out, staging);
    }

    private static boolean hasDir(String options) {
        for (String option : options.split(";")) {
            if (option.strip().startsWith("dir=")) {
                return true;
            }
        }
        return false;
    }

    /** JMH's command line with the profilers redirected. */
    public List<String> argv() {
        return argv;
    }

    /** Moves what the profilers wrote into {@code <runDir>/profiles/} and removes the staging directory. Nothing to do when no profiler was redirected. */
    public void moveInto(Path runDir) throws IOException {
        if (staging == null || !Files.isDirectory(staging)) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(staging)) {
            children = list.toList();
        }
        if (!children.isEmpty()) {
            Path profiles = Files.createDirectories(runDir.resolve(PROFILES));
            for (Path child : children) {
                // Same file system (both under the results directory): a rename, not a copy.
                Files.move(child, profiles.resolve(child.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        deleteTree(staging);
    }

    /** The files under {@code <runDir>/profiles/}, relative to the run folder, sorted; empty when there are none. */
    public static List<String> files(Path runDir) {
        Path profiles = runDir.resolve(PROFILES);
        if (!Files.isDirectory(profiles)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(profiles)) {
            return walk.filter(Files::isRegularFile).map(p -> runDir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
