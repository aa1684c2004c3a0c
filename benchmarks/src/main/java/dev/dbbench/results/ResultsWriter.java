package dev.dbbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Writes a run's files into its folder, each atomically, each through {@link Secrets#redact}:
 * {@code jmh.json} (JMH's own JSON, raw data included), {@code results.csv}, {@code environment.json},
 * {@code failures.json}. The folder layout is described in {@code results/README.md}.
 */
public final class ResultsWriter {
    public static final String JMH_JSON = "jmh.json";
    public static final String RESULTS_CSV = "results.csv";
    public static final String ENVIRONMENT_JSON = "environment.json";
    public static final String FAILURES_JSON = "failures.json";

    private final ObjectMapper json;
    private final Secrets secrets;

    public ResultsWriter(ObjectMapper json, Secrets secrets) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.secrets = secrets;
    }

    public void write(RunFolder folder, Collection<RunResult> results, List<Failure> failures, ObjectNode environment) throws IOException {
        AtomicFiles.write(folder.path().resolve(JMH_JSON), secrets.redact(jmhJson(results)));
        AtomicFiles.write(folder.path().resolve(RESULTS_CSV), secrets.redact(ResultsCsv.render(results)));
        AtomicFiles.write(folder.path().resolve(FAILURES_JSON), secrets.redact(json.writeValueAsString(failuresJson(failures))));
        AtomicFiles.write(folder.path().resolve(ENVIRONMENT_JSON), secrets.redact(json.writeValueAsString(environment)));
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
            node.put("error", String.join("\n", java.util.stream.Stream.concat(java.util.stream.Stream.of(f.reason()), f.error().stream()).toList()));
        }
        return array;
    }
}
