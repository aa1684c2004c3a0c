package dev.dbbench.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files written whole or not at all: the content goes to a temporary file in the same directory,
 * is forced to disk, then renamed over the target in one step (and the directory forced), so a run
 * killed half-way leaves either the old file or the new one, never half of one. The one atomic
 * writer of the project: the report, the export, the history and the run folder all write through it.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IOException whose message names {@code target} and the reason (the file system's own
     *         message for a full disk, "No space left on device", names no file)
     */
    public static void write(Path target, byte[] content) throws IOException {
        try {
            writeOrFail(target, content);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + " (" + reason(e) + ")", e);
        }
    }

    /** An I/O failure's reason in a few words, without the file names the caller already gives. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e.getCause() instanceof IOException cause && e.getMessage() != null && e.getMessage().startsWith("cannot write ")) {
            return reason(cause);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void writeOrFail(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            readableByAll(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
    }

    /**
     * The rename lives in the directory: without forcing it too, a power cut right after the move can
     * bring back the old file. Some systems cannot open a directory for this; the file itself is on
     * disk already, so that is not an error.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // See above: the directory entry is left to the operating system.
        }
    }

    /** Temporary files start private (0600); results are meant to be read, by people and CI alike. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Points the symbolic link {@code link} at {@code target} (relative), replacing any old link in
     * one step: a new link is made under a temporary name, then renamed over the old one.
     */
    public static void relink(Path link, Path target) throws IOException {
        Path dir = link.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + link.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        Files.createSymbolicLink(temp, target);
        try {
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
