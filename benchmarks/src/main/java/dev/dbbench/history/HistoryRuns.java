package dev.dbbench.history;

import dev.dbbench.history.HistoryAnalysis.Run;
import dev.dbbench.results.RecordedRun;
import dev.dbbench.results.RunFolder;
import dev.dbbench.results.RunFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runs of a results directory, oldest first: those {@code history.jsonl} lists, and the run
 * folders it does not list (older runs, and the curated runs under {@code curated/}), read from
 * their own {@code environment.json}. A listed run whose folder is gone keeps its place without
 * scores.
 */
final class HistoryRuns {
    static final String CURATED = "curated";

    private HistoryRuns() {}

    static List<Run> collect(Path resultsDir, List<String> warnings) throws IOException {
        List<HistoryEntry> entries = new ArrayList<>();
        Set<Path> listed = new HashSet<>();
        for (HistoryEntry e : HistoryFile.read(resultsDir, warnings)) {
            if (listed.add(resultsDir.resolve(e.run()).normalize())) {
                entries.add(e);
            }
        }
        for (Path dir : runFolders(resultsDir)) {
            if (listed.add(dir.normalize())) {
                try {
                    entries.add(HistoryEntry.of(resultsDir.relativize(dir).toString(), RunFolder.read(dir).environment()));
                } catch (RunFolderException e) {
                    warnings.add(dir + " is skipped: " + e.getMessage());
                }
            }
        }
        entries.sort(Comparator.comparing(HistoryRuns::startedAt));
        List<Run> runs = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Path dir = resultsDir.resolve(e.run());
            Optional<RecordedRun> folder = Optional.empty();
            if (Files.isDirectory(dir)) {
                try {
                    folder = Optional.of(RunFolder.read(dir));
                } catch (RunFolderException ex) {
                    warnings.add(dir + " cannot be read (" + ex.getMessage() + "): listed without scores");
                }
            } else {
                warnings.add(dir + " is listed in " + HistoryFile.NAME + " but gone: listed without scores");
            }
            runs.add(new Run(e, folder));
        }
        return runs;
    }

    /** Folders holding a jmh.json directly under the results directory and under curated/; the {@code latest} link is not a run. */
    private static List<Path> runFolders(Path resultsDir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path parent : List.of(resultsDir, resultsDir.resolve(CURATED))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> Files.exists(p.resolve(RunFolder.JMH_JSON)))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    private static Instant startedAt(HistoryEntry e) {
        try {
            return Instant.parse(e.time());
        } catch (DateTimeParseException ex) {
            return Instant.EPOCH;
        }
    }
}
