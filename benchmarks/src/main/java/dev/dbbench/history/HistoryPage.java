package dev.dbbench.history;

import static dev.dbbench.report.HtmlPage.esc;

import dev.dbbench.history.HistoryAnalysis.Point;
import dev.dbbench.history.HistoryAnalysis.QuestionTrend;
import dev.dbbench.history.HistoryAnalysis.Run;
import dev.dbbench.history.HistoryAnalysis.Segment;
import dev.dbbench.history.HistoryAnalysis.Step;
import dev.dbbench.history.HistoryAnalysis.VariantTrend;
import dev.dbbench.report.Format;
import dev.dbbench.report.HtmlPage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code history.html}: the runs, then per question its trend chart, environment changes and steps. */
final class HistoryPage {
    private HistoryPage() {}

    static String render(List<Run> runs, List<QuestionTrend> trends, Map<String, String> chartFiles, List<String> warnings) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dbbench history</title><style>")
                .append(HtmlPage.CSS).append("</style></head><body>\n");
        h.append("<h1>dbbench history</h1>\n<p class=\"meta\">").append(runs.size()).append(" runs, oldest first. A run whose environment differs")
                .append(" (CPU, JDK, OS, database version or durability, profile) starts a new line rather than continuing the old one. Steps")
                .append(" are found with E-Divisive means (Matteson and James 2014, as MongoDB's and Apache Otava's performance CI use), ")
                .append("permutation test at p &le; ").append(EDivisive.SIGNIFICANCE).append(" with ").append(EDivisive.PERMUTATIONS)
                .append(" shuffles (fixed seed), at least ").append(EDivisive.MIN_SIZE)
                .append(" runs on each side of a step within one environment; steps under ")
                .append(Math.round(100 * HistoryAnalysis.MIN_STEP)).append("% are not shown.</p>\n");
        for (String w : warnings) {
            h.append("<p class=\"note\">").append(esc(w)).append("</p>\n");
        }
        h.append("<h2>Runs</h2>\n<table><tr><th>#</th><th>run</th><th>started (UTC)</th><th>commit</th><th>profile</th><th>environment</th></tr>\n");
        for (int i = 0; i < runs.size(); i++) {
            HistoryEntry e = runs.get(i).entry();
            String run = runs.get(i).results().isPresent() ? "<a href=\"" + esc(e.run()) + "/index.html\">" + esc(e.run()) + "</a>"
                    : esc(e.run()) + " (folder gone)";
            h.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(run).append("</td><td>").append(esc(e.time()))
                    .append("</td><td><code>").append(esc(e.commit() == null ? "unknown" : e.commit() + (Boolean.TRUE.equals(e.dirty()) ? " (dirty)" : "")))
                    .append("</code></td><td>").append(esc(e.profile())).append("</td><td class=\"meta\">")
                    .append(esc(e.environment().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).reduce((a, b) -> a + ", " + b).orElse("")))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (trends.isEmpty()) {
            h.append("<p>No run holds results yet.</p>\n");
        }
        h.append("<nav><ol>");
        for (QuestionTrend t : trends) {
            h.append("<li><a href=\"#").append(esc(t.className())).append("\">").append(esc(t.question())).append("</a></li>");
        }
        h.append("</ol></nav>\n");
        for (QuestionTrend t : trends) {
            h.append("<h2 id=\"").append(esc(t.className())).append("\">").append(esc(t.question())).append("</h2>\n<p class=\"meta\"><code>")
                    .append(esc(t.className())).append("</code>, in ").append(t.runs().size()).append(" of ").append(runs.size()).append(" runs</p>\n");
            h.append("<img class=\"chart\" alt=\"trend of ").append(esc(t.question())).append("\" src=\"").append(esc(chartFiles.get(t.className())))
                    .append("\">\n");
            for (int i = 1; i < t.segmentStarts().size(); i++) {
                int run = t.segmentStarts().get(i);
                h.append("<p class=\"note\">Environment ").append(i + 1).append(" from run #").append(run + 1).append(" (")
                        .append(esc(runs.get(run).entry().commitLabel())).append("): ").append(esc(t.segmentChanges().get(i)))
                        .append(". Not joined to the runs before it.</p>\n");
            }
            h.append("<table><tr><th>variant</th><th>latest</th><th>steps (E-Divisive)</th></tr>\n");
            for (VariantTrend v : t.variants()) {
                Segment last = v.segments().get(v.segments().size() - 1);
                Point latest = last.points().get(last.points().size() - 1);
                h.append("<tr><td>").append(esc(v.variant())).append("</td><td class=\"num\">").append(Format.number(latest.score()))
                        .append(Double.isFinite(latest.error()) ? " &plusmn; " + Format.number(latest.error()) : "").append(' ').append(esc(v.unit()))
                        .append(" (run #").append(latest.run() + 1).append(")</td><td>").append(steps(v, runs)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String steps(VariantTrend v, List<Run> runs) {
        StringBuilder s = new StringBuilder();
        boolean testable = false;
        for (Segment seg : v.segments()) {
            testable |= seg.points().size() >= 2 * EDivisive.MIN_SIZE;
            for (Step step : seg.steps()) {
                boolean worse = v.higherIsBetter() ? step.after() < step.before() : step.after() > step.before();
                HistoryEntry at = runs.get(step.run()).entry();
                s.append("<span class=\"").append(worse ? "slower" : "faster").append("\">step at <code>").append(esc(at.commitLabel()))
                        .append("</code> (run #").append(step.run() + 1).append("): ").append(Format.number(step.before())).append(" &rarr; ")
                        .append(Format.number(step.after())).append(' ').append(esc(v.unit()))
                        .append(String.format(Locale.ROOT, " (%+.1f%%, %s, p = %.3f)", 100 * step.relativeChange(), worse ? "worse" : "better", step.pValue()))
                        .append("</span><br>");
            }
        }
        if (s.length() > 0) {
            return s.toString();
        }
        return testable ? "none" : "too few runs in one environment to test (" + 2 * EDivisive.MIN_SIZE + " needed)";
    }
}
