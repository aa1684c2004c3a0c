package dev.dbbench.core.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A temporary directory for SQLite files, removed with everything in it on {@link #close()}. Made
 * under {@code DBBENCH_SQLITE_DIR} (or {@code -Ddbbench.sqlite.dir}, {@code --sqlite-dir}) when set,
 * else under the system's temporary directory.
 */
public final class SqliteDirectory implements AutoCloseable {
    public static final String DIR_PROPERTY = "dbbench.sqlite.dir";
    public static final String DIR_ENV = "DBBENCH_SQLITE_DIR";

    private final Path path;

    private SqliteDirectory(Path path) {
        this.path = path;
    }

    /** A fresh directory under the configured parent. */
    public static SqliteDirectory create() {
        // A fork of the launcher is handed the run's folder in its contract (the same property a person may set).
        Optional<Path> handed = ForkContract.fromSystemProperties().sqliteFolder();
        if (handed.isPresent()) {
            return create(handed.get(), "-D" + DIR_PROPERTY);
        }
        String configured = System.getenv(DIR_ENV);
        return create(configured == null || configured.isEmpty() ? null : Path.of(configured), DIR_ENV);
    }

    /** A fresh directory under {@code parent}, or the system's temporary directory when null. */
    public static SqliteDirectory create(Path parent, String settingName) {
        try {
            if (parent == null) {
                return new SqliteDirectory(Files.createTempDirectory("dbbench-sqlite-"));
            }
            if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new ProvisioningException("[sqlite] " + settingName + " is not a writable directory: \"" + parent + "\". Create it or name another");
            }
            return new SqliteDirectory(Files.createTempDirectory(parent, "dbbench-sqlite-"));
        } catch (IOException e) {
            throw new ProvisioningException("[sqlite] cannot create a directory for SQLite files (" + e.getMessage() + ")", e);
        }
    }

    public Path path() {
        return path;
    }

    /** A file name in this directory (the file itself is created by SQLite on first connect). */
    public Path file(String name) {
        return path.resolve(name);
    }

    /**
     * Removes the directory and its files. SQLite deletes a WAL database's {@code -wal} and
     * {@code -shm} files when its last connection closes, and a benchmark's threads may close theirs
     * while this runs (JMH tears a group's shared state down without waiting for every thread's own),
     * so a file that vanishes during the walk is not an error, and a file that appears is removed on
     * a second pass.
     */
    @Override
    public void close() {
        IOException last = null;
        for (int attempt = 0; attempt < 3 && Files.exists(path); attempt++) {
            try {
                removeTree();
                return;
            } catch (DirectoryNotEmptyException e) {
                last = e;
            } catch (IOException e) {
                throw new UncheckedIOException("[sqlite] cannot remove " + path + " (" + e + ")", e);
            }
        }
        if (last != null && Files.exists(path)) {
            throw new UncheckedIOException("[sqlite] cannot remove " + path + ": files keep appearing in it (" + last
                    + "); is another process using it?", last);
        }
    }

    private void removeTree() throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
