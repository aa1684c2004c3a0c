package dev.dbbench.core.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
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
        String configured = Optional.ofNullable(System.getProperty(DIR_PROPERTY)).filter(s -> !s.isEmpty()).orElse(System.getenv(DIR_ENV));
        String settingName = System.getProperty(DIR_PROPERTY) != null ? "-D" + DIR_PROPERTY : DIR_ENV;
        return create(configured == null || configured.isEmpty() ? null : Path.of(configured), settingName);
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

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("[sqlite] cannot remove " + path, e);
        }
    }
}
