package dev.dbbench.history;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.report.QuestionCatalog;
import dev.dbbench.report.ScoreUnit;
import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.Metric;
import dev.dbbench.results.RecordedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Benchmarks across runs, one trend per question (benchmark class), and per variant (method x
 * parameters x mode) its points in commit order. Runs whose environment differs (another CPU, JDK,
 * OS, database version or durability, or another profile) start a new segment: points of different
 * segments are never joined on one line, and change points are searched within a segment only, so
 * a new machine is not reported as a regression.
 */
public final class HistoryAnalysis {
    /** A run of the history with its results; {@code results} empty when its folder is gone. */
    public record Run(HistoryEntry entry, Optional<RecordedRun> results) {}

    /** One run's score of a variant, in the variant's unit. */
    public record Point(int run, double score, double error) {}

    /** Consecutive runs in one environment. {@code change} says what differs from the previous segment (empty for the first). */
    public record Segment(int number, String change, List<Point> points, List<Step> steps) {}

    /** A step found by E-Divisive: from {@code run} on the level moved from {@code before} to {@code after} (segment means). */
    public record Step(int run, double before, double after, double pValue) {
        public double relativeChange() {
            return after / before - 1;
        }
    }

    public record VariantTrend(String variant, String unit, boolean higherIsBetter, List<Segment> segments) {}

    public record QuestionTrend(String className, String question, List<Integer> runs, List<Integer> segmentStarts, List<String> segmentChanges,
                                List<VariantTrend> variants) {}

    /**
     * A step smaller than this (relative change of the level) is not reported, however significant: the
     * regression check's default threshold, below which a change is not worth a person's attention.
     */
    public static final double MIN_STEP = 0.05;

    private HistoryAnalysis() {}

    public static List<QuestionTrend> analyse(List<Run> runs, QuestionCatalog catalog) {
        // className -> variant -> run index -> result
        Map<String, Map<String, Map<Integer, BenchmarkResult>>> byQuestion = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Optional<RecordedRun> folder = runs.get(i).results();
            if (folder.isEmpty()) {
                continue;
            }
            for (BenchmarkResult r : folder.get().results()) {
                byQuestion.computeIfAbsent(r.className(), k -> new TreeMap<>())
                        .computeIfAbsent(variant(r), k -> new TreeMap<>())
                        .put(i, r);
            }
        }
        List<QuestionTrend> trends = new ArrayList<>();
        byQuestion.forEach((className, variants) -> {
            List<Integer> present = variants.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
            boolean postgres = DatabaseTarget.needsPostgres(className);
            // Segment boundaries: the index into `present` where a new environment starts, and what changed.
            List<Integer> starts = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            Map<String, String> known = new LinkedHashMap<>();
            String profile = null;
            for (int p = 0; p < present.size(); p++) {
                HistoryEntry e = runs.get(present.get(p)).entry();
                Map<String, String> env = relevant(e, postgres);
                String differs = p == 0 ? "" : differences(known, profile, env, e.profile());
                if (p == 0 || !differs.isEmpty()) {
                    starts.add(present.get(p));
                    changes.add(differs);
                    known = new LinkedHashMap<>();
                    profile = e.profile();
                }
                known.putAll(env);
            }
            List<VariantTrend> variantTrends = new ArrayList<>();
            variants.forEach((variant, points) -> variantTrends.add(trend(variant, points, starts, changes)));
            String question = catalog.question(className).text();
            trends.add(new QuestionTrend(className, question, present, List.copyOf(starts), List.copyOf(changes), variantTrends));
        });
        return trends;
    }

    /** {@code method [p=v, ...]} plus the mode: one benchmark method may run in several modes. */
    static String variant(BenchmarkResult r) {
        String params = r.params().isEmpty() ? "" : r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " [", "]"));
        return r.method() + params + " (" + r.mode() + ")";
    }

    private static Map<String, String> relevant(HistoryEntry e, boolean postgres) {
        Map<String, String> env = new LinkedHashMap<>(e.environment());
        if (!postgres) {
            env.keySet().removeIf(k -> k.startsWith("postgres."));
        }
        return env;
    }

    /** What a run's environment has that contradicts the segment so far; a field one side does not record is not a difference. */
    static String differences(Map<String, String> known, String profile, Map<String, String> env, String runProfile) {
        List<String> out = new ArrayList<>();
        if (profile != null && !profile.equals(runProfile)) {
            out.add("profile " + profile + " -> " + runProfile);
        }
        for (String field : HistoryEntry.FINGERPRINT) {
            String before = known.get(field);
            String now = env.get(field);
            if (before != null && now != null && !before.equals(now)) {
                out.add(field + " " + before + " -> " + now);
            }
        }
        return String.join("; ", out);
    }

    private static VariantTrend trend(String variant, Map<Integer, BenchmarkResult> points, List<Integer> starts, List<String> changes) {
        BenchmarkResult first = points.values().iterator().next();
        ScoreUnit unit = ScoreUnit.parse(first.primary().unit());
        boolean higher = ScoreUnit.higherIsBetter(first.primary().unit(), first.mode());
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : Integer.MAX_VALUE;
            List<Point> segment = new ArrayList<>();
            points.forEach((run, r) -> {
                if (run >= from && run < to) {
                    Metric m = r.primary();
                    // A unit changed between runs (ms/op, then us/op) is converted; another kind of unit cannot share the line.
                    double factor = ScoreUnit.parse(m.unit()).factorIfConvertible(unit).orElse(Double.NaN);
                    double score = m.score() * factor;
                    if (Double.isFinite(score)) {
                        segment.add(new Point(run, score, m.error() * factor));
                    }
                }
            });
            if (!segment.isEmpty()) {
                segments.add(new Segment(s + 1, changes.get(s), segment, steps(segment)));
            }
        }
        return new VariantTrend(variant, unit.text(), higher, segments);
    }

    private static List<Step> steps(List<Point> points) {
        double[] scores = points.stream().mapToDouble(Point::score).toArray();
        List<EDivisive.ChangePoint> found = EDivisive.changePoints(scores);
        List<Step> steps = new ArrayList<>();
        int previous = 0;
        for (int c = 0; c < found.size(); c++) {
            int at = found.get(c).index();
            int next = c + 1 < found.size() ? found.get(c + 1).index() : scores.length;
            Step step = new Step(points.get(at).run(), mean(scores, previous, at), mean(scores, at, next), found.get(c).pValue());
            if (Math.abs(step.relativeChange()) >= MIN_STEP) {
                steps.add(step);
            }
            previous = at;
        }
        return steps;
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }
}
