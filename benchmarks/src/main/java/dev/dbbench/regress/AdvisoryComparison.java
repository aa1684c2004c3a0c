package dev.dbbench.regress;

import dev.dbbench.regress.JmhResults.Measured;
import dev.dbbench.report.ScoreUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code compare --baseline OLD.json --current NEW.json}: stored JMH numbers against new ones. The
 * two files may come from different machines or moments, so a difference cannot be told apart from
 * machine drift: every output says ADVISORY, and the exit code is 0 unless the input is bad.
 */
public final class AdvisoryComparison {
    /** One case present in both files; {@code slowdown > 1} means current is worse. */
    public record Row(BenchmarkKey key, String unit, double baseline, double baselineError, double current,
                      double currentError, double slowdown, boolean beyondThreshold, boolean beyondErrors) {}

    public record Report(String kind, String baseline, String current, double threshold, List<Row> benchmarks,
                         List<String> onlyInBaseline, List<String> onlyInCurrent, String warning) {}

    static final String WARNING = "ADVISORY: these numbers come from two separate runs, possibly on different machines; a"
            + " difference may be machine drift, not the change. For a verdict, run both builds on one machine:"
            + " compare --base BASE.jar --head HEAD.jar";

    private AdvisoryComparison() {}

    public static Report compare(Path baselineFile, Path currentFile, double threshold) {
        SortedMap<BenchmarkKey, Measured> baseline = JmhResults.read(baselineFile, "--baseline");
        SortedMap<BenchmarkKey, Measured> current = JmhResults.read(currentFile, "--current");
        List<Row> rows = new ArrayList<>();
        List<String> onlyBaseline = new ArrayList<>();
        for (var e : baseline.entrySet()) {
            Measured c = current.get(e.getKey());
            if (c == null) {
                onlyBaseline.add(e.getKey().toString());
                continue;
            }
            Measured b = e.getValue();
            ScoreUnit bu = ScoreUnit.parse(b.unit());
            double factor = ScoreUnit.parse(c.unit()).factorIfConvertible(bu).orElseThrow(() -> new BadInputException(
                    e.getKey() + " is in " + b.unit() + " in --baseline but " + c.unit() + " in --current: the two runs used different modes"));
            double cs = c.score() * factor;
            double ce = c.scoreError() * factor;
            boolean higher = ScoreUnit.higherIsBetter(b.unit(), e.getKey().mode());
            double slowdown = higher ? b.score() / cs : cs / b.score();
            // JMH's 99.9% error bars of the two runs do not overlap: the mildest sign that more than noise differs.
            boolean separated = Double.isFinite(b.scoreError()) && Double.isFinite(ce)
                    && Math.abs(cs - b.score()) > b.scoreError() + ce;
            rows.add(new Row(e.getKey(), b.unit(), b.score(), b.scoreError(), cs, ce, slowdown,
                    slowdown > 1 + threshold || slowdown < 1 / (1 + threshold), separated));
        }
        TreeSet<String> onlyCurrent = new TreeSet<>();
        current.keySet().stream().filter(k -> !baseline.containsKey(k)).forEach(k -> onlyCurrent.add(k.toString()));
        if (rows.isEmpty()) {
            throw new BadInputException("--baseline " + baselineFile + " and --current " + currentFile
                    + " have no benchmark case in common: compare results of the same benchmarks");
        }
        return new Report("advisory", baselineFile.toString(), currentFile.toString(), threshold, rows, onlyBaseline,
                List.copyOf(onlyCurrent), WARNING);
    }

    static String markdown(Report r) {
        StringBuilder md = new StringBuilder();
        md.append("## dbbench performance comparison: ADVISORY\n\n> ").append(r.warning()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Baseline `%s`, current `%s`; marked when the change exceeds %.1f%% and JMH's"
                + " error bars do not overlap.%n%n", r.baseline(), r.current(), r.threshold() * 100));
        md.append("| benchmark | unit | baseline (± error) | current (± error) | change | note |\n|---|---|---:|---:|---:|---|\n");
        for (Row row : r.benchmarks()) {
            String note = row.beyondThreshold() && row.beyondErrors() ? (row.slowdown() > 1 ? "possibly slower (advisory)" : "possibly faster (advisory)") : "";
            md.append("| ").append(row.key().label()).append(" | ").append(row.unit())
                    .append(" | ").append(Markdown.number(row.baseline())).append(" ± ").append(Markdown.number(row.baselineError()))
                    .append(" | ").append(Markdown.number(row.current())).append(" ± ").append(Markdown.number(row.currentError()))
                    .append(" | ").append(Markdown.change(row.slowdown())).append(" | ").append(note).append(" |\n");
        }
        if (!r.onlyInBaseline().isEmpty()) {
            md.append("\nOnly in the baseline (not compared): ").append(String.join(", ", r.onlyInBaseline())).append('\n');
        }
        if (!r.onlyInCurrent().isEmpty()) {
            md.append("\nOnly in the current run (not compared): ").append(String.join(", ", r.onlyInCurrent())).append('\n');
        }
        return md.toString();
    }
}
