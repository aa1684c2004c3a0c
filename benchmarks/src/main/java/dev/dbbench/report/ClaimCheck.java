package dev.dbbench.report;

import dev.dbbench.results.Failure;
import dev.dbbench.results.Metric;
import dev.dbbench.results.Sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One of the guide's claims checked against a run. A claim "variant is F times faster than baseline"
 * is read as "at least F times"; in each matching group:
 * <ul>
 *   <li><b>holds</b> when the whole 95% interval of the speed-up is at or above F (and above 1),</li>
 *   <li><b>does not hold</b> when the whole interval is below F,</li>
 *   <li><b>inconclusive</b> when the interval contains F,</li>
 *   <li><b>insufficient data</b> when either side has fewer forks or iterations than {@link Replication}
 *       requires: a single fork gives a figure, not a verdict.</li>
 * </ul>
 * A smoke run gives no verdict at all: its settings check that everything runs, they do not measure.
 * Over the groups: holds (all hold), does not hold (none holds and at least one fails), holds only
 * when (some hold: the condition separating them is named), inconclusive, or not measured in this run.
 */
public record ClaimCheck(Question question, Claim claim, List<Measured> measured, Verdict verdict, String verdictText) {

    public enum Outcome { HOLDS, DOES_NOT_HOLD, INCONCLUSIVE, INSUFFICIENT_DATA }

    public enum Verdict { HOLDS, HOLDS_ONLY_WHEN, DOES_NOT_HOLD, INCONCLUSIVE, NOT_MEASURED, INSUFFICIENT_DATA, NO_VERDICT }

    /** The profile whose runs never give verdicts. */
    static final String SMOKE_PROFILE = "smoke";

    /**
     * The claim in one group.
     *
     * @param replication the data the weaker side rests on; null where unknown
     */
    public record Measured(Group group, SpeedUp speedUp, Outcome outcome, Replication replication) {
        public Measured(Group group, SpeedUp speedUp, Outcome outcome) {
            this(group, speedUp, outcome, null);
        }
    }

    public ClaimCheck {
        measured = List.copyOf(measured);
    }

    /** Every claim of every declared question, whether or not its class ran. */
    static List<ClaimCheck> all(List<Question> declared, List<QuestionReport> reports) {
        return all(declared, reports, Optional.empty());
    }

    /** As {@link #all(List, List)}, for a run of {@code profile} (a smoke run gives no verdicts). */
    static List<ClaimCheck> all(List<Question> declared, List<QuestionReport> reports, Optional<String> profile) {
        boolean smoke = profile.filter(SMOKE_PROFILE::equals).isPresent();
        // The run's fork spread over every variant of every class: the prior of a class with too few variants.
        ForkSpread run = ForkSpread.of(reports.stream().flatMap(r -> r.groups().stream())
                .flatMap(g -> g.rows().stream()).map(Row::metric).toList());
        List<ClaimCheck> checks = new ArrayList<>();
        for (Question q : declared) {
            Optional<QuestionReport> report = reports.stream()
                    .filter(r -> r.question().className().equals(q.className())).findFirst();
            for (Claim c : q.claims()) {
                ClaimCheck check = check(q, c, report, run);
                checks.add(smoke && check.verdict() != Verdict.NOT_MEASURED ? new ClaimCheck(q, c, check.measured(),
                        Verdict.NO_VERDICT, "no verdict: a smoke run checks that everything runs, it does not measure")
                        : check);
            }
        }
        return checks;
    }

    static ClaimCheck check(Question question, Claim claim, Optional<QuestionReport> report) {
        return check(question, claim, report, ForkSpread.NONE);
    }

    /** As {@link #check(Question, Claim, Optional)}; {@code run} is the run's prior for the primary metric. */
    static ClaimCheck check(Question question, Claim claim, Optional<QuestionReport> report, ForkSpread run) {
        if (claim.countsStatements()) {
            return checkStatements(question, claim, report);
        }
        List<Measured> measured = new ArrayList<>();
        List<Group> groups = report.map(QuestionReport::groups).orElse(List.of());
        // The prior for the forks' spread comes from every variant of the class in the metric judged.
        ForkSpread spread = ForkSpread.of(groups.stream().flatMap(g -> g.rows().stream())
                .map(r -> judged(r, claim)).flatMap(Optional::stream).toList())
                .or(claim.metric().isEmpty() ? run : ForkSpread.NONE);
        for (Group g : groups) {
            if (!g.matches(claim.where())) {
                continue;
            }
            Optional<Row> baseline = g.row(claim.baseline());
            Optional<Row> variant = g.row(claim.variant());
            if (baseline.isEmpty() || variant.isEmpty()) {
                continue;
            }
            Optional<Metric> base = judged(baseline.get(), claim);
            Optional<Metric> other = judged(variant.get(), claim);
            if (base.isPresent() && other.isPresent() && base.get().unit().equals(other.get().unit())) {
                boolean higherIsBetter = claim.metric().isEmpty() ? g.higherIsBetter()
                        : ScoreUnit.higherIsBetter(base.get().unit(), baseline.get().result().mode());
                SpeedUp s = SpeedUp.of(base.get(), other.get(), higherIsBetter, spread);
                Replication data = Replication.of(base.get()).weakest(Replication.of(other.get()));
                measured.add(new Measured(g, s, data.enoughForAVerdict() ? outcome(s, claim.factor())
                        : Outcome.INSUFFICIENT_DATA, data));
            }
        }
        if (measured.isEmpty()) {
            boolean failed = report.map(r -> r.failures().stream().anyMatch(f -> concerns(question, claim, f)))
                    .orElse(false);
            boolean ran = report.map(r -> !r.groups().isEmpty()).orElse(false);
            boolean metricMissing = !claim.metric().isEmpty() && report.map(r -> r.groups().stream()
                    .anyMatch(g -> g.matches(claim.where()) && g.row(claim.baseline()).isPresent()
                            && g.row(claim.variant()).isPresent())).orElse(false);
            String why = failed ? " (benchmarks failed: see Failed benchmarks)" : !ran ? ""
                    : metricMissing ? " (the results have no " + claim.metric() + " for " + claim.baseline() + " and "
                            + claim.variant() + ")"
                    : " (no group has both " + claim.baseline() + " and " + claim.variant()
                            + (claim.where().isEmpty() ? "" : " where " + Group.label(claim.where())) + ")";
            return new ClaimCheck(question, claim, measured, Verdict.NOT_MEASURED, "not measured in this run" + why);
        }
        List<Measured> sufficient = measured.stream().filter(m -> m.outcome() != Outcome.INSUFFICIENT_DATA).toList();
        if (sufficient.isEmpty()) {
            return new ClaimCheck(question, claim, measured, Verdict.INSUFFICIENT_DATA,
                    "insufficient data (" + weakest(measured) + ")");
        }
        String caveat = sufficient.size() == measured.size() ? "" : "; insufficient data when "
                + condition(measured.stream().filter(m -> !sufficient.contains(m)).toList(), measured);
        ClaimCheck judged = verdict(question, claim, sufficient);
        return caveat.isEmpty() ? judged : new ClaimCheck(question, claim, measured, judged.verdict(),
                judged.verdictText() + caveat);
    }

    /** "1 fork × 3 iterations": the least data any of the groups rests on. */
    private static String weakest(List<Measured> measured) {
        return measured.stream().map(Measured::replication).filter(Objects::nonNull)
                .reduce(Replication::weakest).map(Replication::toString).orElse("too few forks");
    }

    /** The verdict over groups that all have enough data. */
    private static ClaimCheck verdict(Question question, Claim claim, List<Measured> measured) {
        List<Measured> holding = measured.stream().filter(m -> m.outcome() == Outcome.HOLDS).toList();
        List<Measured> failing = measured.stream().filter(m -> m.outcome() == Outcome.DOES_NOT_HOLD).toList();
        List<Measured> unclear = measured.stream().filter(m -> m.outcome() == Outcome.INCONCLUSIVE).toList();
        if (holding.size() == measured.size()) {
            return new ClaimCheck(question, claim, measured, Verdict.HOLDS, "holds");
        }
        if (!holding.isEmpty()) {
            return new ClaimCheck(question, claim, measured, Verdict.HOLDS_ONLY_WHEN,
                    "holds only when " + condition(holding, measured));
        }
        if (!failing.isEmpty()) {
            String text = unclear.isEmpty() ? "does not hold"
                    : "does not hold (inconclusive when " + condition(unclear, measured) + ")";
            return new ClaimCheck(question, claim, measured, Verdict.DOES_NOT_HOLD, text);
        }
        return new ClaimCheck(question, claim, measured, Verdict.INCONCLUSIVE,
                measured.stream().anyMatch(m -> !m.speedUp().hasInterval())
                        ? "inconclusive (no confidence interval)"
                        : "inconclusive (the 95% interval contains " + factor(claim.factor()) + ")");
    }

    /**
     * A claim "variant sends N statements per operation": a count, not a measurement with noise, so it
     * holds when every measured iteration of every matching group counted exactly N per operation and
     * does not hold otherwise; the counts found are named in the verdict. Not measured when the variant
     * or its counter is absent.
     */
    static ClaimCheck checkStatements(Question question, Claim claim, Optional<QuestionReport> report) {
        List<String> found = new ArrayList<>();
        boolean holds = true;
        for (Group g : report.map(QuestionReport::groups).orElse(List.of())) {
            if (!g.matches(claim.where())) {
                continue;
            }
            Optional<Metric> counter = g.row(claim.variant()).map(r -> r.secondary().get(claim.metric()));
            if (counter.isEmpty() || counter.get().iterations() == 0) {
                continue;
            }
            Set<String> counts = new LinkedHashSet<>();
            for (List<Sample> fork : counter.get().forks()) {
                for (Sample s : fork) {
                    double perOperation = s.total() / s.count();
                    counts.add(Format.number(perOperation));
                    holds &= Math.abs(perOperation - claim.statements()) < 1e-9;
                }
            }
            found.add((g.conditions().isEmpty() ? "" : g.label() + ": ") + String.join(" or ", counts) + " per operation");
        }
        if (found.isEmpty()) {
            return new ClaimCheck(question, claim, List.of(), Verdict.NOT_MEASURED, "not measured in this run"
                    + (report.isPresent() ? " (no " + claim.variant() + " with the counter " + claim.metric() + ")" : ""));
        }
        String counted = " (" + String.join("; ", found) + ")";
        return holds ? new ClaimCheck(question, claim, List.of(), Verdict.HOLDS, "holds" + counted)
                : new ClaimCheck(question, claim, List.of(), Verdict.DOES_NOT_HOLD, "does not hold" + counted);
    }

    /** The metric a claim is judged on in a row: the primary score, or the named secondary metric. */
    private static Optional<Metric> judged(Row row, Claim claim) {
        return claim.metric().isEmpty() ? Optional.of(row.metric()) : Optional.ofNullable(row.secondary().get(claim.metric()));
    }

    /** Whether a failure took out one side of the claim: its baseline or variant, where the claim applies. */
    private static boolean concerns(Question question, Claim claim, Failure failure) {
        String variant = question.variantParam().map(p -> failure.params().getOrDefault(p, ""))
                .orElse(failure.benchmark().substring(failure.benchmark().lastIndexOf('.') + 1));
        boolean side = variant.equals(claim.baseline()) || variant.equals(claim.variant());
        boolean where = claim.where().entrySet().stream()
                .allMatch(e -> e.getValue().equals(failure.params().get(e.getKey())));
        return side && where;
    }

    static Outcome outcome(SpeedUp s, double factor) {
        if (!s.hasInterval()) {
            return Outcome.INCONCLUSIVE;
        }
        if (s.low() >= factor && s.low() > 1) {
            return Outcome.HOLDS;
        }
        if (s.high() < factor) {
            return Outcome.DOES_NOT_HOLD;
        }
        return Outcome.INCONCLUSIVE;
    }

    /**
     * The simplest description of {@code some} among {@code all}: one condition whose values separate
     * them from the rest ("rows=100000", "rows=10000 or rows=100000"), else their group labels.
     */
    static String condition(List<Measured> some, List<Measured> all) {
        Set<String> names = new LinkedHashSet<>();
        all.forEach(m -> names.addAll(m.group().conditions().keySet()));
        for (String name : names) {
            Set<String> inside = values(some, name);
            Set<String> outside = values(all.stream().filter(m -> !some.contains(m)).toList(), name);
            if (!inside.contains(null) && inside.stream().noneMatch(outside::contains)) {
                return inside.stream().map(v -> name + "=" + v).collect(Collectors.joining(" or "));
            }
        }
        return some.stream().map(m -> m.group().label()).collect(Collectors.joining(" or "));
    }

    private static Set<String> values(List<Measured> measured, String name) {
        Set<String> values = new LinkedHashSet<>();
        measured.forEach(m -> values.add(m.group().conditions().get(name)));
        return values;
    }

    static String factor(double factor) {
        return Format.factor(factor);
    }
}
