package dev.dbbench.results;

import dev.dbbench.core.provision.Secrets;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run's folder, {@code <results>/<UTC timestamp>/} (e.g. {@code 2026-11-25T013500Z}: ISO-8601
 * basic time, no colons, so the name is valid on every file system and sorts by time), and the
 * {@code <results>/latest} link to the newest. The one place that names the folder's files: the run
 * writes them ({@link ResultsWriter}), everything else reads them through {@link #read(Path)}.
 */
public final class RunFolder {
    /** The link to the newest run, next to the run folders. */
    public static final String LATEST = "latest";
    /** JMH's own JSON with raw data ({@code -rf json}); read by {@link JmhJson}. */
    public static final String JMH_JSON = "jmh.json";
    /** One row per result and secondary metric, for spreadsheets. */
    public static final String RESULTS_CSV = "results.csv";
    /** What the run ran on and with: JDK, databases, settings, commit; never a password. */
    public static final String ENVIRONMENT_JSON = "environment.json";
    /** The combinations that produced no result, as {@link Failure}s. */
    public static final String FAILURES_JSON = "failures.json";
    /** Each combination's wall time, for the next run's estimate. */
    public static final String DURATIONS_JSON = "durations.json";
    /** The report, rendered into the folder after the run. */
    public static final String SUMMARY_MD = "summary.md";
    public static final String INDEX_HTML = "index.html";
    public static final String CHARTS = "charts";
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

    /**
     * Reads a run folder as the run left it: {@code jmh.json}, {@code failures.json} and
     * {@code environment.json}, the last two optional. A run in which every benchmark failed may have
     * no {@code jmh.json}; it is still read, with its failures.
     *
     * @throws RunFolderException one line naming the folder or file and the problem
     */
    public static RecordedRun read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunFolderException(dir + ": no such run folder (expected results/<UTC timestamp>/ with "
                    + JMH_JSON + ")");
        }
        Path jmh = dir.resolve(JMH_JSON);
        Path failuresFile = dir.resolve(FAILURES_JSON);
        if (!Files.exists(jmh) && !Files.exists(failuresFile)) {
            throw new RunFolderException(dir + ": not a run folder: neither " + JMH_JSON + " nor " + FAILURES_JSON
                    + " is there");
        }
        List<BenchmarkResult> results = Files.exists(jmh) ? JmhJson.read(jmh) : List.of();
        List<Failure> failures = Files.exists(failuresFile) ? readFailures(failuresFile) : List.of();
        Path env = dir.resolve(ENVIRONMENT_JSON);
        Map<String, String> environment = Files.exists(env) ? readEnvironment(env) : Map.of();
        return new RecordedRun(dir, results, failures, environment);
    }

    static List<Failure> readFailures(Path file) {
        JsonNode root = JmhJson.parse(file);
        if (root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new RunFolderException(file + ": expected an array of {benchmark, params, error}, found "
                    + JmhJson.kind(root));
        }
        List<Failure> failures = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            String benchmark = BenchmarkNames.current(JmhJson.text(entry, "benchmark", file + ": entry " + index));
            // "error" holds the reason as its first line and then the error's lines; files written
            // before "reason" existed have only "error".
            List<String> lines = new ArrayList<>(entry.path("error").asText("").strip().lines().toList());
            String reason = entry.path("reason").asText("");
            if (reason.isBlank()) {
                reason = lines.isEmpty() || lines.get(0).isBlank() ? "(no message)" : lines.get(0).strip();
            }
            if (!lines.isEmpty() && lines.get(0).strip().equals(reason)) {
                lines.remove(0);
            }
            failures.add(new Failure(benchmark, entry.path("mode").asText(""), JmhJson.strings(entry.path("params")), reason, lines));
        }
        return failures;
    }

    /** environment.json flattened to dotted keys ("postgres.version"), secret-named keys left out. */
    static Map<String, String> readEnvironment(Path file) {
        JsonNode root = JmhJson.parse(file);
        Map<String, String> flat = new LinkedHashMap<>();
        if (root.isObject()) {
            flatten("", root, flat);
        } else if (!root.isMissingNode()) {
            throw new RunFolderException(file + ": expected a JSON object, found " + JmhJson.kind(root));
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (Secrets.isSecretName(e.getKey())) {
                continue;
            }
            JsonNode value = e.getValue();
            if (value.isObject()) {
                flatten(key, value, into);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
                into.put(key, String.join(", ", items));
            } else if (!value.isNull()) {
                into.put(key, value.asText());
            }
        }
    }
}
