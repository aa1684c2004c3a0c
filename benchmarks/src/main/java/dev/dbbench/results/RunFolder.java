package dev.dbbench.results;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run's folder, {@code <results>/<UTC timestamp>/} (e.g. {@code 2026-11-25T013500Z}: ISO-8601
 * basic time, no colons, so the name is valid on every file system and sorts by time), and the
 * {@code <results>/latest} link to the newest.
 */
public final class RunFolder {
    public static final String LATEST = "latest";
    static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** A name {@link #NAME} writes (2025-01-31 12:00:00 UTC), for help texts, which need a constant. */
    public static final String NAME_EXAMPLE = "2025-01-31T120000Z";

    private final Path resultsDir;
    private final Path path;

    private RunFolder(Path resultsDir, Path path) {
        this.resultsDir = resultsDir;
        this.path = path;
    }

    /**
     * Checks, before anything runs, that {@code resultsDir} exists or can be made and that files can
     * be written in it. {@code settingName} is how the person named it, for the message.
     *
     * @throws IllegalArgumentException one line naming the setting and the fix
     */
    public static void checkWritable(Path resultsDir, String settingName) {
        try {
            // Nothing is created yet (a run refused later must leave nothing): the nearest folder that
            // exists must take a new entry, tried with a temporary file removed at once.
            Path existing = resultsDir.toAbsolutePath();
            while (!Files.exists(existing) && existing.getParent() != null) {
                existing = existing.getParent();
            }
            if (!Files.isDirectory(existing)) {
                throw existing.equals(resultsDir.toAbsolutePath()) ? new FileAlreadyExistsException(existing.toString())
                        : new NoSuchFileException(existing.toString(), null, "not a directory");
            }
            Path probe = Files.createTempFile(existing, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(settingName + " is not a directory: \"" + resultsDir + "\". Name a directory (it is created when missing)", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(settingName + " is not writable: \"" + resultsDir + "\" (permission denied on " + e.getFile()
                    + "). Name a directory you can write to", e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(settingName + " cannot be created: \"" + resultsDir + "\" (" + (e.getReason() == null ? "no such file or directory" : e.getReason()) + ": " + e.getFile()
                    + "). Name a directory you can write to", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new IllegalArgumentException(settingName + " cannot be used: \"" + resultsDir + "\" (" + reason + " on " + e.getFile()
                    + "). Name a directory you can write to", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(settingName + " cannot be used: \"" + resultsDir + "\" (" + e.getMessage() + "). Name a directory you can write to", e);
        }
    }

    /** Makes the folder for a run that started at {@code start}; a second run in the same second gets a suffix. */
    public static RunFolder create(Path resultsDir, Instant start) throws IOException {
        Files.createDirectories(resultsDir);
        String base = NAME.format(start);
        for (int n = 1; ; n++) {
            Path candidate = resultsDir.resolve(n == 1 ? base : base + "-" + n);
            try {
                return new RunFolder(resultsDir, Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // Another run took this name in the same second: try the next suffix.
            }
        }
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    /** Points {@code <results>/latest} at this run. */
    public void markLatest() throws IOException {
        AtomicFiles.relink(resultsDir.resolve(LATEST), path.getFileName());
    }
}
