package dev.dbbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Class-data sharing for the forks: the first fork of a benchmark class writes the classes it
 * loaded to an archive when it exits ({@code -XX:ArchiveClassesAtExit}), and every later fork of
 * that class maps the archive instead of loading, verifying and linking the same classes from the
 * jar again ({@code -XX:SharedArchiveFile}). Fork start-up is most of what a quick run spends
 * outside its measured iterations (566 forks; Hibernate and Vert.x forks load 10,000+ classes);
 * measured on this machine a fork of {@code SqliteKvBenchmark} starts 0.5 s sooner with its
 * archive and one of {@code SqliteOrmLoadBenchmark} 1.3 s sooner.
 *
 * <p>What is measured does not change: the archive holds the same class files, verified once
 * instead of per fork; the JIT compiles the same bytecode, and every iteration, warm-up included,
 * runs after start-up. The archive is written after the fork's last iteration, as the JVM exits.
 *
 * <p>One archive per benchmark class and fork JVM (its path and arguments), in a folder per class
 * path that later runs of the same jar use too ({@link #start}). A dump is written under a name of its own and takes the
 * archive's name only once its fork ended well (JMH calls {@link #forkSucceeded} only then), so
 * no fork ever maps half an archive; a fork that failed while dumping leaves its class without
 * one for the rest of the run. While one lane's fork is dumping, another lane's fork of the same
 * class starts without an archive. The JVM's own CDS log lines are turned off: a fork that cannot
 * map its archive (another JVM given with -jvm) starts as it would without one.
 */
final class ClassSharing implements AutoCloseable {
    /** In each archive folder: the class path it serves. */
    static final String CLASS_PATH_FILE = "class-path.txt";

    /** The JVM flags that quieten the JVM's CDS warnings (classes it skips, an archive it cannot map). */
    static final String QUIET = "-Xlog:cds*=off";

    private enum State { DUMPING, READY, GAVE_UP }

    private record Entry(State state, Thread owner, Path file) {}

    private static ClassSharing active;

    /**
     * A class with fewer forks in the run writes no archive (it still maps one an earlier run wrote):
     * writing one costs its first fork 1.5-3 s, mapping it saves each later fork 0.3-1.3 s.
     */
    static final int MIN_FORKS_TO_WRITE = 8;

    private final Path folder;
    private final Map<String, Integer> forksByClass;
    private final Map<String, Entry> entries = new HashMap<>();

    private ClassSharing(Path folder, Map<String, Integer> forksByClass) {
        this.folder = folder;
        this.forksByClass = Map.copyOf(forksByClass);
    }

    /**
     * Turns sharing on for the forks, with the archive folder of this class path: kept between runs
     * (a second run of the same jar, or the many short runs of a regression check, writes no archive
     * again), under {@code dbbench-cds} in the system's temporary directory. Folders of jars that
     * are gone or were rebuilt since are removed first.
     */
    static ClassSharing start(String classPath, Map<String, Integer> forksByClass) {
        return start(classPath, forksByClass, Path.of(System.getProperty("java.io.tmpdir"), "dbbench-cds"));
    }

    /** As {@link #start(String, Map)}, with the folders under {@code root}. */
    static ClassSharing start(String classPath, Map<String, Integer> forksByClass, Path root) {
        try {
            Files.createDirectories(root);
            removeStale(root);
            Path folder = root.resolve(folderName(classPath));
            if (Files.notExists(folder)) {
                Path made = Files.createTempDirectory(root, "new-");
                Files.writeString(made.resolve(CLASS_PATH_FILE), classPath);
                try {
                    Files.move(made, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // Another run made it first: use theirs.
                    deleteTree(made);
                }
            }
            ClassSharing sharing = new ClassSharing(folder, forksByClass);
            synchronized (ClassSharing.class) {
                active = sharing;
            }
            return sharing;
        } catch (IOException | UncheckedIOException e) {
            throw new SetupException("[cds] cannot use the forks' class archive folder " + root + " (" + e.getMessage()
                    + "): check the temporary directory, or run with --no-class-sharing", e);
        }
    }

    /** One folder per class path and the jars' sizes and times: a rebuilt jar gets a new one (the JVM would refuse the old archives). */
    static String folderName(String classPath) throws IOException {
        StringBuilder identity = new StringBuilder(classPath);
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            identity.append('|').append(jar).append(':').append(Files.size(jar)).append(':').append(Files.getLastModifiedTime(jar).toMillis());
        }
        return "cp-" + hash(identity.toString());
    }

    /** Removes the folders whose class path no longer names the same jars (gone, rebuilt), and half-made ones. */
    private static void removeStale(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            for (Path f : folders.toList()) {
                Path recorded = f.resolve(CLASS_PATH_FILE);
                boolean current;
                try {
                    current = f.getFileName().toString().equals(folderName(Files.readString(recorded)));
                } catch (IOException | RuntimeException gone) {
                    current = false;
                }
                if (!current && !f.getFileName().toString().startsWith("new-")) {
                    deleteTree(f);
                }
            }
        }
    }

    /**
     * Whether the forks' class path (this JVM's: JMH forks inherit it) is jars only: the JVM refuses
     * to start with an archive flag when a class folder is on the path (as in the build's own tests).
     */
    static boolean possible(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && !(entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)))) {
                return false;
            }
        }
        return true;
    }

    /** Sharing turned off: no fork gets a flag. */
    static ClassSharing off() {
        return new ClassSharing(null, Map.of());
    }

    /** The flags for the fork about to start: map the class's archive, or write it, or none. */
    static List<String> forkOptions(BenchmarkParams params) {
        ClassSharing sharing;
        synchronized (ClassSharing.class) {
            sharing = active;
        }
        return sharing == null ? List.of() : sharing.optionsFor(key(params));
    }

    /** JMH has the fork's results: the fork exited well, so its dump, if it wrote one, is whole. */
    static void forkSucceeded(BenchmarkParams params) {
        ClassSharing sharing;
        synchronized (ClassSharing.class) {
            sharing = active;
        }
        if (sharing != null) {
            sharing.succeeded(key(params));
        }
    }

    synchronized List<String> optionsFor(String key) {
        Entry e = entries.get(key);
        if (e != null && e.state() == State.DUMPING && e.owner() == Thread.currentThread()) {
            // This lane's previous fork of the class wrote the dump but never reported success: it failed.
            entries.put(key, new Entry(State.GAVE_UP, null, null));
            deleteQuietly(e.file());
            return List.of();
        }
        if (e == null) {
            Path archive = archive(key);
            if (Files.isRegularFile(archive)) {
                // Written by an earlier run of the same jar, or by another lane's fork of this run.
                e = new Entry(State.READY, null, archive);
                entries.put(key, e);
            } else if (forksByClass.getOrDefault(className(key), 0) < MIN_FORKS_TO_WRITE) {
                return List.of();
            } else {
                Path dump = folder.resolve(fileName(key) + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".dump");
                entries.put(key, new Entry(State.DUMPING, Thread.currentThread(), dump));
                return List.of("-XX:ArchiveClassesAtExit=" + dump, QUIET);
            }
        }
        return e.state() == State.READY ? List.of("-XX:SharedArchiveFile=" + e.file(), QUIET) : List.of();
    }

    private Path archive(String key) {
        return folder.resolve(fileName(key) + ".jsa");
    }

    synchronized void succeeded(String key) {
        Entry e = entries.get(key);
        if (e == null || e.state() != State.DUMPING || e.owner() != Thread.currentThread()) {
            return;
        }
        Path archive = archive(key);
        try {
            if (Files.size(e.file()) > 0) {
                // Atomic: a fork of another run that maps the archive of the same name keeps the file it opened.
                Files.move(e.file(), archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                entries.put(key, new Entry(State.READY, null, archive));
                return;
            }
        } catch (IOException | UncheckedIOException ignored) {
            // No archive (the JVM could not write one): the class's forks start without.
        }
        entries.put(key, new Entry(State.GAVE_UP, null, null));
    }

    /** How many classes have an archive ready (for the run's record). */
    synchronized long ready() {
        return entries.values().stream().filter(e -> e.state() == State.READY).count();
    }

    boolean on() {
        return folder != null;
    }

    @Override
    public void close() {
        synchronized (ClassSharing.class) {
            if (active == this) {
                active = null;
            }
        }
        if (folder != null) {
            // A dump this run started and never finished (the run was stopped) is no archive for the next run.
            entries.values().stream().filter(e -> e.state() == State.DUMPING).forEach(e -> deleteQuietly(e.file()));
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(ClassSharing::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[cds] could not remove " + root + ": " + e.getMessage() + "; remove it by hand");
        }
    }

    /** The benchmark's class and the fork JVM with its arguments: forks that share these load the same classes. */
    static String key(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String klass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return klass + "|" + params.getJvm() + "|" + String.join(" ", params.getJvmArgs());
    }

    private static String className(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /** The class's simple name and a hash of the whole key: readable, and never the same for two keys. */
    static String fileName(String key) {
        String klass = className(key);
        String simple = klass.substring(klass.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        return simple + "-" + hash(key);
    }

    private static String hash(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Left for close() or the temporary directory's own clean-up.
        }
    }
}
