package dev.dbbench.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * github-action-benchmark's custom tools (https://github.com/benchmark-action/github-action-benchmark):
 * a JSON array of {@code {"name", "unit", "value", "range", "extra"}}, {@code range} and {@code extra}
 * optional. One file holds one direction: {@code customSmallerIsBetter} (time and allocation per
 * operation) or {@code customBiggerIsBetter} (throughput). Its JMH reader treats every result as
 * smaller-is-better, so throughput alerts the wrong way there; split by unit here, it does not.
 */
public final class GithubActionBenchmarkFormat {
    public static final String SMALLER_IS_BETTER = "customSmallerIsBetter";
    public static final String BIGGER_IS_BETTER = "customBiggerIsBetter";

    private GithubActionBenchmarkFormat() {}

    /** The entries of one direction. */
    public static String render(List<ExportEntry> entries, boolean biggerIsBetter) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode root = json.createArrayNode();
        for (ExportEntry e : entries) {
            if (e.biggerIsBetter() != biggerIsBetter) {
                continue;
            }
            ObjectNode node = root.addObject();
            // The allocation measure gets its own name: the action keys its charts by name alone.
            node.put("name", e.measure().equals(Exports.ALLOCATION) ? e.name() + " allocation" : e.name());
            node.put("unit", e.unit());
            node.put("value", e.value());
            e.error().ifPresent(err -> node.put("range", String.format(Locale.ROOT, "± %.6g", err)));
            node.put("extra", e.detail() + (e.error().isPresent() ? "; range: half-width of JMH's 99.9% interval" : "; no interval (JMH gave none)"));
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
