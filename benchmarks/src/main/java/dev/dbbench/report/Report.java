package dev.dbbench.report;

import dev.dbbench.results.Metric;
import dev.dbbench.results.Ordered;
import dev.dbbench.results.PerIteration;
import dev.dbbench.results.RecordedRun;
import dev.dbbench.results.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the report of one run shows, computed once and rendered twice (summary.md and index.html).
 *
 * @param charts PNG bytes by file name under {@code charts/}
 */
public record Report(RecordedRun run, List<QuestionReport> questions, List<ClaimCheck> claims,
                     Map<String, byte[]> charts) {

    // Sample mode reports eight percentiles as secondary metrics; the median and the tail are enough here. Of the gc
    // profiler's, allocation per operation and GC time answer questions; the rate and the count only restate them.
    // results.csv keeps them all.
    private static final Set<String> HIDDEN = Set.of("p0.00", "p0.90", "p0.95", "p0.999", "p0.9999", "p1.00",
            "gc.alloc.rate", "gc.count");

    public Report {
        questions = List.copyOf(questions);
        claims = List.copyOf(claims);
        charts = Ordered.copyOf(charts);
    }

    static Report of(RecordedRun run, QuestionCatalog catalog) {
        List<QuestionReport> questions = Analysis.questions(run.results(), run.failures(), catalog);
        List<Question> declared = catalog.declared(questions.stream().map(q -> q.question().className()).toList());
        List<ClaimCheck> claims = ClaimCheck.all(declared, questions, profile(run));
        Map<String, byte[]> charts = new LinkedHashMap<>();
        for (QuestionReport q : questions) {
            for (Group g : q.groups()) {
                charts.put(g.chartFile(), Charts.group(q.question(), g));
            }
        }
        return new Report(run, questions, claims, charts);
    }

    /** " (not ranked: ran out of memory in 2 of 2 iterations)", " (still trending: ...)", or empty. */
    static String flags(Row row) {
        return row.failure().map(f -> " (not ranked: " + f + ")").orElse("")
                + row.trend().map(t -> " (" + t + ")").orElse("");
    }

    /** The profile the run was made with, as environment.json records it. */
    static Optional<String> profile(RecordedRun run) {
        return Optional.ofNullable(run.environment().get("run.profile"));
    }

    /** "smoke: tables scaled to 1/100" when the run's tables were scaled down (environment.json's run.scale), else empty. */
    static Optional<String> scaleNote(RecordedRun run) {
        return Optional.ofNullable(run.environment().get("run.scale")).filter(s -> !s.equals("full"))
                .map(s -> run.environment().getOrDefault("run.scale_description", s + ": tables scaled down"));
    }

    /** The secondary metrics worth a column: auxiliary counters, allocation per operation and GC time, median and p99 of sample mode. */
    static String secondary(Row row) {
        return row.secondary().entrySet().stream()
                .filter(e -> !HIDDEN.contains(e.getKey()))
                .map(e -> secondary(e.getKey(), e.getValue()))
                .collect(Collectors.joining("; ")) + perTransfer(row);
    }

    /** PgTransferBenchmark's retries per transfer: counters are per iteration, the question is per transfer. */
    private static String perTransfer(Row row) {
        Metric retries = row.secondary().get("retries");
        Metric transfers = row.secondary().get("transfers");
        if (retries == null || transfers == null) {
            return "";
        }
        double r = retries.forks().stream().flatMap(List::stream).mapToDouble(Sample::total).sum();
        double t = transfers.forks().stream().flatMap(List::stream).mapToDouble(Sample::total).sum();
        return t > 0 ? "; retries per transfer: " + Format.number(r / t) : "";
    }

    /**
     * One secondary metric: per iteration where JMH sums it over iterations ("peakActive (max per
     * iteration): 4 #"), else JMH's score with its error.
     */
    static String secondary(String name, Metric metric) {
        List<Double> iterations = metric.forks().stream().flatMap(List::stream)
                .map(s -> s.total() / s.count()).toList();
        PerIteration shown = PerIteration.of(name, metric.unit(), metric.score(), iterations);
        String value = shown.qualifier().isEmpty() ? Format.score(metric) : Format.number(shown.value());
        return shown.label(name) + ": " + value + " " + metric.unit();
    }

    /** "2 x 5" for two forks of five iterations, else the total. */
    static String iterations(Metric metric) {
        List<Integer> sizes = metric.forks().stream().map(List::size).distinct().toList();
        return sizes.size() == 1 ? metric.forks().size() + " x " + sizes.get(0) : String.valueOf(metric.iterations());
    }

    static String direction(Group g) {
        return g.higherIsBetter() ? "higher is better" : "lower is better";
    }

    /** A row's speed-up as the tables show it: none in a group of one variant, where it would be "1.00x vs itself". */
    static String speedUp(Group g, Row row) {
        return g.compares() ? Format.ratio(row.speedUp().ratio()) : "-";
    }
}
