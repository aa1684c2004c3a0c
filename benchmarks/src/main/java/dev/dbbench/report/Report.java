package dev.dbbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the report of one run shows, computed once and rendered twice (summary.md and index.html).
 *
 * @param charts PNG bytes by file name under {@code charts/}
 */
public record Report(RunFolder run, List<QuestionReport> questions, List<ClaimCheck> claims,
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

    static Report of(RunFolder run, QuestionCatalog catalog) {
        List<QuestionReport> questions = Analysis.questions(run.results(), run.failures(), catalog);
        List<Question> declared = catalog.declared(questions.stream().map(q -> q.question().className()).toList());
        List<ClaimCheck> claims = ClaimCheck.all(declared, questions);
        Map<String, byte[]> charts = new LinkedHashMap<>();
        for (QuestionReport q : questions) {
            for (Group g : q.groups()) {
                charts.put(g.chartFile(), Charts.group(q.question(), g));
            }
        }
        return new Report(run, questions, claims, charts);
    }

    /** The secondary metrics worth a column: auxiliary counters, allocation per operation and GC time, median and p99 of sample mode. */
    static String secondary(Row row) {
        return row.secondary().entrySet().stream()
                .filter(e -> !HIDDEN.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + Format.score(perIteration(e.getValue())) + " " + e.getValue().unit())
                .collect(Collectors.joining("; "));
    }

    /**
     * A counter ("#": JMH's aux counters of type EVENTS) as its mean per iteration: JMH's score adds
     * the iterations up, so 5 iterations of "1 statement per operation" would read 5.
     */
    static Metric perIteration(Metric metric) {
        if (!"#".equals(metric.unit()) || metric.iterations() == 0) {
            return metric;
        }
        double total = 0;
        long count = 0;
        for (List<Sample> fork : metric.forks()) {
            for (Sample s : fork) {
                total += s.total();
                count += s.count();
            }
        }
        return new Metric(total / count, Double.NaN, metric.unit(), metric.forks());
    }

    /** "2 x 5" for two forks of five iterations, else the total. */
    static String iterations(Metric metric) {
        List<Integer> sizes = metric.forks().stream().map(List::size).distinct().toList();
        return sizes.size() == 1 ? metric.forks().size() + " x " + sizes.get(0) : String.valueOf(metric.iterations());
    }

    static String direction(Group g) {
        return g.higherIsBetter() ? "higher is better" : "lower is better";
    }
}
