package dev.dbbench.regress;

import dev.dbbench.regress.CheckReport.Ruler;
import dev.dbbench.regress.SequentialRule.Look;
import java.util.Locale;

/** Renders a {@link SequentialReport} as Markdown for a CI job summary or a pull-request comment. */
final class SequentialMarkdown {
    /** The first line of every rendering: the workflow finds its own pull-request comment by it. */
    static final String MARKER = "<!-- dbbench-compare -->";

    private SequentialMarkdown() {}

    static String render(SequentialReport r) {
        SequentialReport.Parameters p = r.parameters();
        StringBuilder md = new StringBuilder(MARKER).append('\n');
        md.append("## dbbench performance check: ").append(r.verdict()).append("\n\n");
        md.append(String.format(Locale.ROOT,
                "Base `%s` and head `%s` run on this machine%s: %d pairs of single forks (%s) in %.1f min"
                        + " of a %d min budget%s, `-wi %d -w %s -i %d -r %s`%s, each fork with a freshly provisioned database and the"
                        + " gc profiler on. Steady state: %s. Per pair, the ratio of the two forks' values; the estimate is the"
                        + " geometric mean ratio, its bounds Student-t bounds on the mean log ratio. Sequential rule, %s: REGRESSION when"
                        + " the alarm bound (alpha %.2g per time case, %.2g per allocation case: alpha %.2f split over the %d cases gated,"
                        + " each spent over the looks) excludes no change and the change reaches the"
                        + " threshold (time %.1f%%, allocation %.1f%%); NO_CHANGE when both equivalence bounds (alpha %.2g per case, spent"
                        + " over the looks) lie within the threshold; otherwise more pairs, and INCONCLUSIVE when the budget or the last look"
                        + " comes first. Slowdown > 0 means head is worse; the direction comes from the unit.%n%n",
                r.base(), r.head(), p.preset() == null ? "" : " (preset `" + p.preset() + "`)", r.pairsRun(),
                p.forks().schedule().describe(), r.minutes(),
                p.budgetSeconds() / 60, r.budgetRanOut() ? " (spent)" : "", p.forks().warmupIterations(), p.forks().warmupTime(),
                p.forks().iterations(), p.forks().time(), p.jmhArgs().isEmpty() ? "" : " `" + String.join(" ", p.jmhArgs()) + "`",
                p.steadyState(), p.plan(), p.timeAlarmAlpha(), p.allocationAlarmAlpha(), p.alpha(), p.hypotheses(), p.threshold() * 100,
                p.allocationThreshold() * 100, p.equivalenceAlpha()));
        md.append("| benchmark | metric | unit | base | head | change (geometric mean of pairs) | bounds | pairs | warm-up dropped (iterations per fork) | verdict |\n");
        md.append("|---|---|---|---:|---:|---:|---|---:|---:|---|\n");
        for (SequentialReport.Case c : r.cases()) {
            Look last = c.looks().isEmpty() ? null : c.looks().get(c.looks().size() - 1);
            double dropped = c.dropped().stream().mapToDouble(d -> (d[0] + d[1]) / 2.0).average().orElse(0);
            md.append("| ").append(c.key().label())
                    .append(" | ").append(c.metric())
                    .append(" | ").append(c.unit()).append(c.higherIsBetter() ? " (higher is better)" : " (lower is better)")
                    .append(" | ").append(Markdown.number(median(c, true)))
                    .append(" | ").append(Markdown.number(median(c, false)))
                    .append(" | ").append(last == null ? "-" : Markdown.change(last.estimate()))
                    .append(" | ").append(last == null ? "-" : bounds(c, last))
                    .append(" | ").append(c.pairs().size())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", dropped))
                    .append(" | **").append(c.verdict()).append("**").append(c.note().isEmpty() ? "" : " " + c.note())
                    .append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%n**Rulers** (the same code in both jars; when one moves beyond %.1f%% with its pairs"
                + " leaning one way, the check says UNSTABLE rather than no change):%n%n", p.rulerTolerance() * 100));
        md.append("| ruler | change (median of pairs) | steady |\n|---|---:|---|\n");
        for (Ruler ruler : r.rulers()) {
            md.append("| ").append(ruler.key().label()).append(" | ").append(Markdown.percent(ruler.estimate()))
                    .append(" | ").append(ruler.moved() ? "**moved**" : "yes").append(" |\n");
        }
        for (String note : r.notes()) {
            md.append("\n> ").append(note).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nStarted %s, finished %s.%s%n", r.startedAt(), r.finishedAt(),
                // A trial's check is not a command: it has no exit code.
                r.exitCode() < 0 ? "" : " Exit code " + r.exitCode() + "."));
        return md.toString();
    }

    /** The bounds that decided (alarm bounds for a flag, equivalence bounds otherwise). */
    private static String bounds(SequentialReport.Case c, Look look) {
        boolean alarm = c.verdict() == Verdict.REGRESSION || c.verdict() == Verdict.IMPROVEMENT;
        double lower = alarm ? look.alarmLower() : look.equivalenceLower();
        double upper = alarm ? look.alarmUpper() : look.equivalenceUpper();
        double level = alarm ? look.alarmLevel() : look.equivalenceLevel();
        return String.format(Locale.ROOT, "[%s, %s] %s", lower == 0 ? "-∞" : Markdown.percent(lower),
                Double.isInfinite(upper) ? "+∞" : Markdown.percent(upper), level > 0
                        ? String.format(Locale.ROOT, "(%s, level %.2g each side)", alarm ? "alarm" : "equivalence", level)
                        : alarm ? "(alarm)" : "(equivalence)");
    }

    private static double median(SequentialReport.Case c, boolean base) {
        if (c.pairs().isEmpty()) {
            return Double.NaN;
        }
        return PairedStatistics.median(c.pairs().stream().mapToDouble(x -> base ? x.base() : x.head()).toArray());
    }
}
