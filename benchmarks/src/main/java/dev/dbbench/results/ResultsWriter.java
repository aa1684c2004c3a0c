package dev.dbbench.results;

import dev.dbbench.core.provision.Secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Writes a run's files into its folder, each atomically, each through {@link Secrets#redact}:
 * {@code jmh.json} (JMH's own JSON, raw data included), {@code results.csv}, {@code environment.json},
 * {@code failures.json}, named by {@link RunFolder}. The folder layout is described in {@code results/README.md}.
 */
public final class ResultsWriter {
    /** How a file is written: {@link AtomicFiles#write(Path, String)}, or a stand-in a test uses to fail one file. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path target, String content) throws IOException;
    }

    private final ObjectMapper json;
    private final Secrets secrets;
    private final FileWriter files;

    public ResultsWriter(ObjectMapper json, Secrets secrets) {
        this(json, secrets, AtomicFiles::write);
    }

    ResultsWriter(ObjectMapper json, Secrets secrets, FileWriter files) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.secrets = secrets;
        this.files = files;
    }

    /**
     * Writes every file it can: one that cannot be written (a full disk) does not keep the others
     * from being written. The small ones go first, JMH's raw data last.
     *
     * @return one line per file not written, naming it and why; empty when all were written
     */
    public List<String> write(RunFolder folder, Collection<RunResult> results, List<Failure> failures, ObjectNode environment) throws IOException {
        return write(folder, results, failures, environment, List.of());
    }

    /** As above, with each combination's wall time ({@code durations.json}, read by the next run's estimate) when any was taken. */
    public List<String> write(RunFolder folder, Collection<RunResult> results, List<Failure> failures, ObjectNode environment,
            List<RunDurations.Entry> durations) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put(RunFolder.ENVIRONMENT_JSON, json.writeValueAsString(environment));
        contents.put(RunFolder.FAILURES_JSON, json.writeValueAsString(failuresJson(failures)));
        if (!durations.isEmpty()) {
            contents.put(RunFolder.DURATIONS_JSON, RunDurations.toJson(json, durations));
        }
        contents.put(RunFolder.RESULTS_CSV, ResultsCsv.render(results));
        contents.put(RunFolder.JMH_JSON, jmhJson(results));
        List<String> notWritten = new ArrayList<>();
        for (Map.Entry<String, String> file : contents.entrySet()) {
            Path target = folder.path().resolve(file.getKey());
            try {
                files.write(target, secrets.redact(file.getValue()));
            } catch (IOException e) {
                notWritten.add("cannot write " + target + " (" + AtomicFiles.reason(e) + "); the other files are kept");
            }
        }
        return List.copyOf(notWritten);
    }

    /** JMH's JSON result format, exactly as {@code -rf json} writes it. */
    static String jmhJson(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    ArrayNode failuresJson(List<Failure> failures) {
        ArrayNode array = json.createArrayNode();
        for (Failure f : failures) {
            ObjectNode node = array.addObject();
            node.put("benchmark", f.benchmark());
            node.put("mode", f.mode());
            ObjectNode params = node.putObject("params");
            f.params().forEach(params::put);
            node.put("reason", f.reason());
            // One string, its first line the reason: readers that show a headline show the reason.
            node.put("error", f.text());
        }
        return array;
    }
}
