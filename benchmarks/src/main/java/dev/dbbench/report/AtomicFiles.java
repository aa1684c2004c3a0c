package dev.dbbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The results package's atomic writes, with failures as the report's one-line {@link ReportException}. */
final class AtomicFiles {
    private AtomicFiles() {}

    static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            dev.dbbench.results.AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }
}
