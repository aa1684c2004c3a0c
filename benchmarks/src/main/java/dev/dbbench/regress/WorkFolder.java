package dev.dbbench.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where a check's forks write their JMH JSON and logs: the folder given with {@code --work-dir}, kept,
 * or a temporary one that is removed on every way out: the check's end, an error, and a JVM stopped
 * by SIGTERM or Ctrl-C (a CI job cancelled by a newer push), when the forks still running are stopped
 * first so that none writes into the folder as it is removed.
 */
final class WorkFolder implements AutoCloseable {
    private final Path path;
    private final boolean temporary;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final Thread onExit;

    private WorkFolder(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
        this.onExit = temporary ? new Thread(this::stopForksAndRemove, "dbbench-compare-cleanup") : null;
        if (onExit != null) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    /** {@code --work-dir} when given (created, kept), else a new temporary folder (removed by {@link #close}). */
    static WorkFolder open(Path workDir) {
        try {
            return workDir != null ? new WorkFolder(Files.createDirectories(workDir), false)
                    : new WorkFolder(Files.createTempDirectory("dbbench-compare-"), true);
        } catch (IOException e) {
            throw new BadInputException((workDir != null ? "--work-dir " + workDir : "the temporary directory " + System.getProperty("java.io.tmpdir"))
                    + " cannot be created (" + JmhResults.oneLine(e) + "): give a writable directory"
                    + (workDir != null ? "" : " with --work-dir or -Djava.io.tmpdir"), e);
        }
    }

    /** A temporary folder inside {@code parent} (a trial's), removed by {@link #close}. */
    static WorkFolder temporaryIn(Path parent) throws IOException {
        return new WorkFolder(Files.createTempDirectory(parent.toAbsolutePath(), "trial-"), true);
    }

    Path path() {
        return path;
    }

    /** Whether a fork's log stays after the check for a person to read. */
    boolean kept() {
        return !temporary;
    }

    /** A fork running now: stopped if the JVM is stopped before it ends. */
    void started(Process fork) {
        running.add(fork);
    }

    void ended(Process fork) {
        running.remove(fork);
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException alreadyStopping) {
            // The JVM is stopping: the hook removes the folder itself.
            return;
        }
        stopForksAndRemove();
    }

    private void stopForksAndRemove() {
        for (Process fork : running) {
            // The fork's own children first (its JMH benchmark JVM, its embedded PostgreSQL's watch), then the fork.
            fork.descendants().forEach(ProcessHandle::destroy);
            fork.destroy();
            try {
                fork.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteTree(path);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Only fork output is left behind; the comparison itself is complete and reported.
            System.err.println("[compare] could not remove " + dir + ": " + JmhResults.oneLine(e));
        }
    }
}
