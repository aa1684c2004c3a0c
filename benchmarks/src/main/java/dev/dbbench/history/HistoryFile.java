package dev.dbbench.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbbench.results.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code <results>/history.jsonl}: one JSON line per run, in the order the runs finished. The one
 * writer and reader of that file. An append rewrites the whole file atomically (temporary file, then
 * rename) while holding a lock on {@code .history.lock}, so two runs finishing together both get
 * their line and a killed run leaves the old file, never half a line.
 */
public final class HistoryFile {
    public static final String NAME = "history.jsonl";
    static final String LOCK = ".history.lock";

    private static final ObjectMapper JSON = new ObjectMapper();
    // A file lock is held per process: runs in one JVM (tests) also queue on this.
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private HistoryFile() {}

    public static void append(Path resultsDir, HistoryEntry entry) throws IOException {
        String line = JSON.writeValueAsString(entry.toJson(JSON));
        IN_PROCESS.lock();
        try (FileChannel lockFile = FileChannel.open(resultsDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            Path file = resultsDir.resolve(NAME);
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!existing.isEmpty() && !existing.endsWith("\n")) {
                existing += "\n";
            }
            AtomicFiles.write(file, existing + line + "\n");
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** The lines of the file (none when it does not exist). A line that is not a history entry is skipped and named in {@code warnings}. */
    public static List<HistoryEntry> read(Path resultsDir, List<String> warnings) throws IOException {
        Path file = resultsDir.resolve(NAME);
        List<HistoryEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(HistoryEntry.fromJson(JSON.readTree(line)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                warnings.add(file + " line " + n + " is not a history entry (" + e.getMessage().lines().findFirst().orElse("") + "): skipped");
            }
        }
        return entries;
    }
}
