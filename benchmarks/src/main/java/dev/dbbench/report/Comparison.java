package dev.dbbench.report;

import dev.dbbench.results.Failure;
import dev.dbbench.results.Metric;
import dev.dbbench.results.Ordered;
import dev.dbbench.results.RecordedRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two runs side by side: for every variant in every group, run B's speed-up over run A (above 1 when B
 * is faster) with a bootstrap interval, and every claim's verdict in both runs. Questions, groups and
 * variants present in only one run are shown with a dash for the other.
 */
public record Comparison(RecordedRun a, RecordedRun b, List<QuestionPair> questions, List<ClaimPair> claims,
                         Map<String, byte[]> charts) {

    public enum Change { FASTER, SLOWER, NO_CLEAR_CHANGE, TOO_FEW_ITERATIONS, ONLY_IN_A, ONLY_IN_B, UNITS_DIFFER }

    public record QuestionPair(Question question, List<GroupPair> groups, List<Failure> failuresA,
                               List<Failure> failuresB) {}

    /** One group in both runs; {@code reference} is B's group when B has it, else A's. */
    public record GroupPair(Group reference, boolean inA, boolean inB, List<VariantPair> variants,
                            Optional<String> chartFile) {}

    /** {@code a} is converted to B's unit when B has the group. */
    public record VariantPair(String variant, Optional<Metric> a, Optional<Metric> b, Optional<SpeedUp> change,
                              Change kind) {}

    public record ClaimPair(Question question, Claim claim, ClaimCheck a, ClaimCheck b) {}

    public Comparison {
        questions = List.copyOf(questions);
        claims = List.copyOf(claims);
        charts = Ordered.copyOf(charts);
    }

    static Comparison of(RecordedRun a, RecordedRun b, QuestionCatalog catalog) {
        List<QuestionReport> reportsA = Analysis.questions(a.results(), a.failures(), catalog);
        List<QuestionReport> reportsB = Analysis.questions(b.results(), b.failures(), catalog);
        Map<String, QuestionReport> byClassA = byClass(reportsA);
        Map<String, QuestionReport> byClassB = byClass(reportsB);
        Set<String> classes = new TreeSet<>(byClassA.keySet());
        classes.addAll(byClassB.keySet());

        List<QuestionPair> questions = new ArrayList<>();
        Map<String, byte[]> charts = new LinkedHashMap<>();
        for (String className : classes) {
            Optional<QuestionReport> qa = Optional.ofNullable(byClassA.get(className));
            Optional<QuestionReport> qb = Optional.ofNullable(byClassB.get(className));
            Question question = qb.or(() -> qa).orElseThrow().question();
            List<GroupPair> groups = groups(question, qa.map(QuestionReport::groups).orElse(List.of()),
                    qb.map(QuestionReport::groups).orElse(List.of()), questions.size() + 1, seriesName("A", a, b), seriesName("B", b, a), charts);
            questions.add(new QuestionPair(question, groups, qa.map(QuestionReport::failures).orElse(List.of()),
                    qb.map(QuestionReport::failures).orElse(List.of())));
        }

        List<Question> declared = catalog.declared(classes);
        List<ClaimCheck> claimsA = ClaimCheck.all(declared, reportsA, Report.profile(a));
        List<ClaimCheck> claimsB = ClaimCheck.all(declared, reportsB, Report.profile(b));
        List<ClaimPair> claims = new ArrayList<>();
        for (int i = 0; i < claimsA.size(); i++) {
            claims.add(new ClaimPair(claimsA.get(i).question(), claimsA.get(i).claim(), claimsA.get(i), claimsB.get(i)));
        }
        return new Comparison(a, b, questions, claims, charts);
    }

    /**
     * A run's name in the charts' legends, which must differ from the other's: two runs of the same
     * name (the same folder twice, or folders from two machines) are told apart as A and B.
     */
    static String seriesName(String letter, RecordedRun run, RecordedRun other) {
        return run.name().equals(other.name()) ? run.name() + " (" + letter + ")" : run.name();
    }

    private static List<GroupPair> groups(Question question, List<Group> groupsA, List<Group> groupsB,
                                          int questionNumber, String nameA, String nameB, Map<String, byte[]> charts) {
        Map<Map<String, String>, Group> byConditionsA = groupsA.stream()
                .collect(Collectors.toMap(Group::conditions, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        Map<Map<String, String>, Group> byConditionsB = groupsB.stream()
                .collect(Collectors.toMap(Group::conditions, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        List<Map<String, String>> conditions = new ArrayList<>(new LinkedHashSet<>(
                Stream.concat(byConditionsB.keySet().stream(), byConditionsA.keySet().stream()).toList()));
        conditions.sort(Analysis::compareConditions);

        List<GroupPair> pairs = new ArrayList<>();
        for (Map<String, String> c : conditions) {
            Optional<Group> ga = Optional.ofNullable(byConditionsA.get(c));
            Optional<Group> gb = Optional.ofNullable(byConditionsB.get(c));
            Group reference = gb.or(() -> ga).orElseThrow();
            ScoreUnit unit = ScoreUnit.parse(reference.unit());
            Set<String> variants = new LinkedHashSet<>();
            gb.ifPresent(g -> g.rows().forEach(r -> variants.add(r.variant())));
            ga.ifPresent(g -> g.rows().forEach(r -> variants.add(r.variant())));

            List<VariantPair> rows = new ArrayList<>();
            for (String v : variants) {
                Optional<Metric> ma = ga.flatMap(g -> g.row(v)).map(Row::metric);
                Optional<Metric> mb = gb.flatMap(g -> g.row(v)).map(Row::metric);
                if (ma.isPresent() && mb.isPresent()) {
                    Optional<Double> factor = ScoreUnit.parse(ma.get().unit()).factorIfConvertible(unit);
                    if (factor.isEmpty()) {
                        rows.add(new VariantPair(v, ma, mb, Optional.empty(), Change.UNITS_DIFFER));
                        continue;
                    }
                    Metric converted = unit.convert(ma.get());
                    SpeedUp s = SpeedUp.of(converted, mb.get(), reference.higherIsBetter());
                    rows.add(new VariantPair(v, Optional.of(converted), mb, Optional.of(s), kind(s)));
                } else {
                    rows.add(new VariantPair(v, ma, mb, Optional.empty(), ma.isPresent() ? Change.ONLY_IN_A : Change.ONLY_IN_B));
                }
            }
            Optional<String> chartFile = Optional.empty();
            List<VariantPair> both = rows.stream().filter(r -> r.change().isPresent()).toList();
            if (!both.isEmpty()) {
                String name = ("c" + questionNumber + "-" + question.simpleName() + "-g" + (pairs.size() + 1)
                        + (c.isEmpty() ? "" : "-" + Group.label(c))).replaceAll("[^A-Za-z0-9._=-]+", "_");
                name = (name.length() > 100 ? name.substring(0, 100) : name) + ".png";
                charts.put(name, Charts.comparison(question, reference, nameA,
                        both.stream().map(VariantPair::variant).toList(),
                        both.stream().map(r -> r.a().orElseThrow()).toList(), nameB,
                        both.stream().map(r -> r.b().orElseThrow()).toList()));
                chartFile = Optional.of(name);
            }
            pairs.add(new GroupPair(reference, ga.isPresent(), gb.isPresent(), rows, chartFile));
        }
        return pairs;
    }

    /** How far the two runs agree on the claims. */
    public ClaimAgreement agreement() {
        return ClaimAgreement.of(claims);
    }

    static Change kind(SpeedUp s) {
        if (!s.hasInterval()) {
            return Change.TOO_FEW_ITERATIONS;
        }
        if (s.low() > 1) {
            return Change.FASTER;
        }
        if (s.high() < 1) {
            return Change.SLOWER;
        }
        return Change.NO_CLEAR_CHANGE;
    }

    private static Map<String, QuestionReport> byClass(List<QuestionReport> reports) {
        return reports.stream().collect(Collectors.toMap(r -> r.question().className(), Function.identity()));
    }
}
