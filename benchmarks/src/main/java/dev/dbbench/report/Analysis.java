package dev.dbbench.report;

import dev.dbbench.results.BenchmarkResult;
import dev.dbbench.results.Failure;
import dev.dbbench.results.Metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a run's results into questions: one per benchmark class, split into groups by every condition
 * that is not the variant, each group ranked and compared against its baseline.
 */
final class Analysis {
    private Analysis() {}

    static List<QuestionReport> questions(List<BenchmarkResult> results, List<Failure> failures,
                                          QuestionCatalog catalog) {
        Map<String, List<BenchmarkResult>> byClass = results.stream()
                .collect(Collectors.groupingBy(BenchmarkResult::className, TreeMap::new, Collectors.toList()));
        Map<String, List<Failure>> failuresByClass = failures.stream()
                .collect(Collectors.groupingBy(Failure::className, TreeMap::new, Collectors.toList()));
        TreeMap<String, Boolean> classes = new TreeMap<>();
        byClass.keySet().forEach(c -> classes.put(c, true));
        failuresByClass.keySet().forEach(c -> classes.put(c, true));

        // The run's fork spread, for a class with too few variants to learn its own (ForkSpread.or).
        ForkSpread run = ForkSpread.of(results.stream().map(BenchmarkResult::primary).toList());
        List<QuestionReport> reports = new ArrayList<>();
        for (String className : classes.keySet()) {
            Question question = catalog.question(className);
            List<Group> groups = groups(question, byClass.getOrDefault(className, List.of()), reports.size() + 1, run);
            reports.add(new QuestionReport(question, groups, failuresByClass.getOrDefault(className, List.of())));
        }
        return reports;
    }

    static String variantOf(Question question, BenchmarkResult result) {
        return question.variantParam().map(p -> result.params().get(p)).orElse(result.method());
    }

    private static List<Group> groups(Question question, List<BenchmarkResult> results, int questionNumber, ForkSpread run) {
        if (results.isEmpty()) {
            return List.of();
        }
        question.variantParam().ifPresent(p -> results.stream().filter(r -> !r.params().containsKey(p)).findFirst()
                .ifPresent(r -> {
                    throw new ReportException(QuestionCatalog.DIRECTORY + question.className()
                            + ".properties: variant=param:" + p + " but " + r.benchmark()
                            + " ran without a parameter \"" + p + "\" (it has " + r.params().keySet() + ")");
                }));
        boolean methodVaries = question.variantParam().isPresent() && varies(results, BenchmarkResult::method);
        boolean modeVaries = varies(results, BenchmarkResult::mode);
        // When the variants are methods that each fix their own thread count (@Threads), the thread count is the
        // variant (PgTransferBenchmark's threads1..threads8): one group, so the question of scaling gets an answer.
        boolean threadsAreTheVariant = question.variantParam().isEmpty() && results.stream()
                .collect(Collectors.groupingBy(BenchmarkResult::method,
                        Collectors.mapping(BenchmarkResult::threads, Collectors.toSet())))
                .values().stream().allMatch(t -> t.size() == 1);
        boolean threadsVary = !threadsAreTheVariant && varies(results, r -> String.valueOf(r.threads()));

        Map<Map<String, String>, List<BenchmarkResult>> byConditions = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            Map<String, String> conditions = new LinkedHashMap<>();
            if (methodVaries) {
                conditions.put("method", r.method());
            }
            if (modeVaries) {
                conditions.put("mode", r.mode());
            }
            if (threadsVary) {
                conditions.put("threads", String.valueOf(r.threads()));
            }
            r.params().forEach((name, value) -> {
                if (question.variantParam().filter(name::equals).isEmpty()) {
                    conditions.put(name, value);
                }
            });
            byConditions.computeIfAbsent(conditions, c -> new ArrayList<>()).add(r);
        }
        List<Map<String, String>> ordered = new ArrayList<>(byConditions.keySet());
        ordered.sort(Analysis::compareConditions);

        // One class, one prior for its fork-to-fork spread: every variant of every group tells it.
        ForkSpread spread = ForkSpread.of(results.stream().map(BenchmarkResult::primary).toList()).or(run);
        List<Group> groups = new ArrayList<>();
        for (Map<String, String> conditions : ordered) {
            String chartFile = chartFile(question, questionNumber, groups.size() + 1, conditions);
            groups.add(group(question, conditions, byConditions.get(conditions), chartFile, spread));
        }
        return groups;
    }

    private static Group group(Question question, Map<String, String> conditions, List<BenchmarkResult> results,
                               String chartFile, ForkSpread spread) {
        Optional<BenchmarkResult> declared = question.baseline().flatMap(b -> results.stream()
                .filter(r -> variantOf(question, r).equals(b)).findFirst());
        BenchmarkResult reference = declared.orElse(results.get(0));
        String unit = reference.primary().unit();
        ScoreUnit target = ScoreUnit.parse(unit);
        boolean higherIsBetter = ScoreUnit.higherIsBetter(unit, reference.mode());

        List<Row> ranked = new ArrayList<>();
        for (BenchmarkResult r : results) {
            Metric metric = ScoreUnit.parse(r.primary().unit()).factorIfConvertible(target).isPresent()
                    ? target.convert(r.primary()) : r.primary();
            ranked.add(new Row(variantOf(question, r), r, metric, null));
        }
        Comparator<Row> fastestFirst = Comparator.comparingDouble(row -> row.metric().score());
        if (higherIsBetter) {
            fastestFirst = fastestFirst.reversed();
        }
        // Variants that failed (ran out of memory) go last and unranked: their time is how long failing took.
        ranked.sort(Comparator.comparing((Row row) -> row.failure().isPresent())
                .thenComparing((Row row) -> Double.isNaN(row.metric().score())).thenComparing(fastestFirst));

        Row baseline;
        Optional<String> note = Optional.empty();
        Optional<Row> declaredRow = declared.flatMap(d -> ranked.stream().filter(row -> row.result() == d).findFirst());
        List<Row> working = ranked.stream().filter(row -> row.failure().isEmpty()).toList();
        if (declaredRow.isPresent() && declaredRow.get().failure().isEmpty()) {
            baseline = declaredRow.get();
        } else {
            baseline = slowest(working.isEmpty() ? ranked : working);
            if (declaredRow.isPresent()) {
                note = Optional.of("the declared baseline " + question.baseline().orElseThrow() + " "
                        + declaredRow.get().failure().orElseThrow() + "; speed-ups are against the slowest variant that "
                        + "worked, " + baseline.variant());
            } else if (question.baseline().isPresent()) {
                note = Optional.of("the declared baseline " + question.baseline().get()
                        + " has no result in this group; speed-ups are against the slowest variant, " + baseline.variant());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Row row : ranked) {
            SpeedUp speedUp = row.failure().isEmpty() && baseline.failure().isEmpty()
                    && row.metric().unit().equals(baseline.metric().unit())
                    ? SpeedUp.of(baseline.metric(), row.metric(), higherIsBetter, spread)
                    : new SpeedUp(Double.NaN, Double.NaN, Double.NaN);
            rows.add(new Row(row.variant(), row.result(), row.metric(), speedUp));
        }
        return new Group(conditions, unit, higherIsBetter, baseline.variant(), note, rows, chartFile);
    }

    private static Row slowest(List<Row> ranked) {
        for (int i = ranked.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(ranked.get(i).metric().score())) {
                return ranked.get(i);
            }
        }
        return ranked.get(ranked.size() - 1);
    }

    private static boolean varies(List<BenchmarkResult> results, Function<BenchmarkResult, String> key) {
        return results.stream().map(key).distinct().count() > 1;
    }

    /** Condition by condition, numbers by value (rows=1000 before rows=100000), the rest as text. */
    static int compareConditions(Map<String, String> a, Map<String, String> b) {
        List<String> av = new ArrayList<>(a.values());
        List<String> bv = new ArrayList<>(b.values());
        for (int i = 0; i < Math.min(av.size(), bv.size()); i++) {
            int c = compareValues(av.get(i), bv.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(av.size(), bv.size());
    }

    /** Numbers by value and before text, so that the order is total even when kinds mix. */
    static int compareValues(String a, String b) {
        Optional<Double> x = number(a);
        Optional<Double> y = number(b);
        if (x.isPresent() && y.isPresent()) {
            return Double.compare(x.get(), y.get());
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Optional<Double> number(String s) {
        try {
            return Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String chartFile(Question question, int questionNumber, int groupNumber,
                                    Map<String, String> conditions) {
        String label = conditions.isEmpty() ? "" : "-" + Group.label(conditions);
        String name = "q" + questionNumber + "-" + question.simpleName() + "-g" + groupNumber + label;
        name = name.replaceAll("[^A-Za-z0-9._=-]+", "_");
        return (name.length() > 100 ? name.substring(0, 100) : name) + ".png";
    }
}
