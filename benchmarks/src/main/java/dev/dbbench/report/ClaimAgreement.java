package dev.dbbench.report;

import dev.dbbench.report.ClaimCheck.Measured;
import dev.dbbench.report.ClaimCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How far two runs of the same code agree on the guide's claims: the test that a report's verdicts
 * and intervals claim no more certainty than they have (issue 12). Counted over the claims both
 * runs measured:
 *
 * <ul>
 *   <li>claims whose verdict changed at all (a "holds only when" whose condition changed counts);</li>
 *   <li>flips: a verdict that went from holds to does not hold, or back (the worst change);</li>
 *   <li>disjoint intervals: of the speed-up intervals measured in both runs (a claim has one per
 *       group it is judged in), those that do not overlap. Honest 95% intervals of the same quantity
 *       almost always overlap.</li>
 * </ul>
 *
 * The bar the project holds itself to ({@link #holdsUp}): no flip, at most {@value #MAX_CHANGED}
 * claims changed, at most {@value #MAX_DISJOINT_PERCENT}% of the intervals disjoint.
 */
public record ClaimAgreement(int claims, int changed, int flipped, int intervals, int disjoint, List<String> changes) {
    public static final int MAX_CHANGED = 2;
    public static final int MAX_DISJOINT_PERCENT = 5;

    public ClaimAgreement {
        changes = List.copyOf(changes);
    }

    static ClaimAgreement of(List<Comparison.ClaimPair> pairs) {
        int claims = 0;
        int changed = 0;
        int flipped = 0;
        int intervals = 0;
        int disjoint = 0;
        List<String> changes = new ArrayList<>();
        for (Comparison.ClaimPair p : pairs) {
            if (!judged(p.a()) || !judged(p.b())) {
                continue;
            }
            claims++;
            if (!sameVerdict(p.a(), p.b())) {
                changed++;
                boolean flip = flip(p.a().verdict(), p.b().verdict());
                if (flip) {
                    flipped++;
                }
                changes.add(p.claim().text() + " (" + p.question().simpleName() + "): " + p.a().verdictText() + " -> "
                        + p.b().verdictText() + (flip ? " [flip]" : ""));
            }
            for (Measured a : p.a().measured()) {
                Optional<Measured> b = p.b().measured().stream().filter(m -> sameGroup(m, a)).findFirst();
                if (b.isEmpty() || !a.speedUp().hasInterval() || !b.get().speedUp().hasInterval()) {
                    continue;
                }
                intervals++;
                if (!overlap(a.speedUp(), b.get().speedUp())) {
                    disjoint++;
                    changes.add(p.claim().text() + " (" + p.question().simpleName()
                            + (a.group().conditions().isEmpty() ? "" : ", " + a.group().label()) + "): intervals disjoint, "
                            + Format.ratio(a.speedUp().ratio()) + " " + Format.interval(a.speedUp()) + " then "
                            + Format.ratio(b.get().speedUp().ratio()) + " " + Format.interval(b.get().speedUp()));
                }
            }
        }
        return new ClaimAgreement(claims, changed, flipped, intervals, disjoint, changes);
    }

    /** No flip, at most {@value #MAX_CHANGED} claims changed, at most {@value #MAX_DISJOINT_PERCENT}% of the intervals disjoint. */
    public boolean holdsUp() {
        return flipped == 0 && changed <= MAX_CHANGED && disjoint * 100 <= MAX_DISJOINT_PERCENT * intervals;
    }

    /** "2 of 46 claims changed (0 between holds and does not hold); 1 of 52 intervals disjoint (1.9%): holds up". */
    public String summary() {
        String share = intervals == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * disjoint / intervals);
        return changed + " of " + claims + " claims changed verdict (" + flipped + " between holds and does not hold); " + disjoint
                + " of " + intervals + " speed-up intervals disjoint (" + share + "): "
                + (holdsUp() ? "holds up" : "does not hold up") + " (the bar: no flip, at most " + MAX_CHANGED
                + " claims changed, at most " + MAX_DISJOINT_PERCENT + "% of the intervals disjoint)";
    }

    /** A verdict from data: neither missing, nor refused for too little data, nor a smoke run's. */
    private static boolean judged(ClaimCheck c) {
        return c.verdict() != Verdict.NOT_MEASURED && c.verdict() != Verdict.NO_VERDICT && c.verdict() != Verdict.INSUFFICIENT_DATA;
    }

    private static boolean sameVerdict(ClaimCheck a, ClaimCheck b) {
        return a.verdict() == b.verdict() && (a.verdict() != Verdict.HOLDS_ONLY_WHEN || a.verdictText().equals(b.verdictText()));
    }

    private static boolean flip(Verdict a, Verdict b) {
        return (a == Verdict.HOLDS && b == Verdict.DOES_NOT_HOLD) || (a == Verdict.DOES_NOT_HOLD && b == Verdict.HOLDS);
    }

    private static boolean sameGroup(Measured x, Measured y) {
        Map<String, String> cx = x.group().conditions();
        return cx.equals(y.group().conditions());
    }

    static boolean overlap(SpeedUp a, SpeedUp b) {
        return Math.max(a.low(), b.low()) <= Math.min(a.high(), b.high());
    }
}
