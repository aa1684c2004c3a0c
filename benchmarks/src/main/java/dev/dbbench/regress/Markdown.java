package dev.dbbench.regress;

import dev.dbbench.regress.CheckReport.Case;
import dev.dbbench.regress.CheckReport.Pair;
import dev.dbbench.regress.CheckReport.Round;
import dev.dbbench.regress.CheckReport.Ruler;
import java.util.List;
import java.util.Locale;

/** Renders a {@link CheckReport} as Markdown for a CI job summary or a pull-request comment. */
final class Markdown {
    private Markdown() {}

    /** A slowdown ratio as a change a person reads: {@code +10.2% slower}, {@code 3.1% faster}. */
    static String change(double slowdown) {
        if (slowdown >= 1) {
            return String.format(Locale.ROOT, "+%.1f%% slower", (slowdown - 1) * 100);
        }
        return String.format(Locale.ROOT, "%.1f%% faster", (1 / slowdown - 1) * 100);
    }

    static String percent(double slowdown) {
        if (Double.isInfinite(slowdown)) {
            // Too few pairs for a bound at this level: the interval is open on this side.
            return "+∞";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (slowdown - 1) * 100);
    }

    static String render(CheckReport r) {
        StringBuilder md = new StringBuilder();
        CheckReport.Parameters p = r.parameters();
        md.append("## dbbench performance check: ").append(icon(r.verdict())).append(' ').append(r.verdict()).append("\n\n");
        md.append(String.format(Locale.ROOT,
                "Base `%s` and head `%s` run interleaved on this machine: %d pairs of single forks (A B, B A, ...),"
                        + " `-wi %d -w %s -i %d -r %s`, each fork with a freshly provisioned database. Per pair, the ratio of the"
                        + " forks' medians; the estimate is the median ratio; one-sided bootstrap bounds (%,d resamples, seed %d),"
                        + " Holm-corrected over the %d case(s) compared at alpha %.2f; flagged beyond %.1f%% and only when a re-run"
                        + " with fresh pairs agrees. Slowdown > 0 means head is worse, whatever the unit.%n%n",
                r.base(), r.head(), p.pairs(), p.forks().warmupIterations(), p.forks().warmupTime(), p.forks().iterations(),
                p.forks().time(), p.resamples(), p.seed(), r.benchmarks().size(), p.alpha(), p.threshold() * 100));
        md.append("| benchmark | unit | base median | head median | change (median of pairs) | bounds (Holm-adjusted) | re-run | verdict |\n");
        md.append("|---|---|---:|---:|---:|---|---|---|\n");
        for (Case c : r.benchmarks()) {
            Round first = c.first();
            md.append("| ").append(c.key().label())
                    .append(" | ").append(c.unit()).append(c.higherIsBetter() ? " (higher is better)" : " (lower is better)")
                    .append(" | ").append(number(median(first.pairs(), true)))
                    .append(" | ").append(number(median(first.pairs(), false)))
                    .append(" | ").append(change(first.decision().estimate()))
                    .append(" | ").append(bounds(first))
                    .append(" | ").append(c.rerun() == null ? "not needed" : change(c.rerun().decision().estimate()) + ", " + bounds(c.rerun()))
                    .append(" | **").append(c.verdict()).append("**").append(c.note().isEmpty() ? "" : " " + c.note())
                    .append(" |\n");
        }
        md.append("\n**Rulers** (the same code in both jars; when one moves beyond ")
                .append(String.format(Locale.ROOT, "%.1f%%", p.rulerTolerance() * 100))
                .append(" with its pairs leaning one way (sign test), the check says UNSTABLE rather than REGRESSION or no change):\n\n");
        md.append("| ruler | unit | round | change (median of pairs) | steady |\n|---|---|---:|---:|---|\n");
        for (Ruler ruler : r.rulers()) {
            md.append("| ").append(ruler.key().label()).append(" | ").append(ruler.unit()).append(" | ").append(ruler.round())
                    .append(" | ").append(percent(ruler.estimate())).append(" | ").append(ruler.moved() ? "**moved**" : "yes").append(" |\n");
        }
        for (String note : r.notes()) {
            md.append("\n> ").append(note).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nStarted %s, finished %s. Exit code %d.%n", r.startedAt(), r.finishedAt(), r.exitCode()));
        return md.toString();
    }

    private static String bounds(Round round) {
        var d = round.decision();
        return String.format(Locale.ROOT, "[%s, %s] at %.4f", percent(d.lower()), percent(d.upper()), d.level());
    }

    private static double median(List<Pair> pairs, boolean base) {
        return PairedStatistics.median(pairs.stream().mapToDouble(x -> base ? x.base() : x.head()).toArray());
    }

    static String number(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String icon(Verdict v) {
        return switch (v) {
            case REGRESSION -> "🔴";
            case UNSTABLE -> "🟡";
            case INCONCLUSIVE -> "⚪";
            case IMPROVEMENT -> "🟢";
            case NO_CHANGE -> "✅";
        };
    }
}
