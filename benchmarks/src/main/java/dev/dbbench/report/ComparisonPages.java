package dev.dbbench.report;

import dev.dbbench.results.Failure;
import dev.dbbench.results.Metric;

import static dev.dbbench.report.HtmlPage.esc;
import static dev.dbbench.report.SummaryMarkdown.cell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Renders a {@link Comparison} as {@code summary.md} and a self-contained {@code index.html}. */
final class ComparisonPages {
    private ComparisonPages() {}

    static String explanation(Comparison c) {
        return "Run B (" + c.b().name() + ") against run A (" + c.a().name() + "). \"B vs A\" is how many times "
                + "faster B is than A for the same variant under the same conditions (above 1: B is faster); its 95% "
                + "interval treats the fork as the unit (a Welch t interval on the two runs' log fork means; none when "
                + "either run has a single fork). \"faster\"/\"slower\" means the whole interval is above/below 1. "
                + "Runs on different or busy machines differ for reasons other than the code.";
    }

    static String markdown(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("# dbbench comparison: ").append(cell(c.b().name())).append(" vs ").append(cell(c.a().name()))
                .append("\n\n").append(explanation(c)).append("\n\n");

        out.append("## Claims from the guide\n\n");
        if (c.claims().isEmpty()) {
            out.append("No benchmark in this jar declares a claim.\n\n");
        } else {
            out.append("| Claim | Question | Verdict in A | Verdict in B |\n|---|---|---|---|\n");
            for (Comparison.ClaimPair p : c.claims()) {
                out.append("| ").append(cell(p.claim().text())).append(" | ").append(cell(p.question().text()))
                        .append(" | ").append(cell(p.a().verdictText())).append(" | ")
                        .append(cell(p.b().verdictText())).append(" |\n");
            }
            ClaimAgreement agreement = c.agreement();
            out.append("\n**Agreement:** ").append(cell(agreement.summary())).append(".\n\n");
            agreement.changes().forEach(change -> out.append("- ").append(cell(change)).append('\n'));
            out.append('\n');
        }

        int n = 0;
        for (Comparison.QuestionPair q : c.questions()) {
            out.append("## Q").append(++n).append(". ").append(cell(q.question().text())).append("\n\n`")
                    .append(q.question().className()).append("`\n\n");
            for (Comparison.GroupPair g : q.groups()) {
                Group ref = g.reference();
                if (!ref.conditions().isEmpty()) {
                    out.append("### ").append(cell(ref.label())).append("\n\n");
                }
                g.chartFile().ifPresent(f -> out.append("![").append(cell(ref.label())).append("](charts/")
                        .append(f).append(")\n\n"));
                out.append(presence(g)).append(ref.unit()).append(", ").append(Report.direction(ref)).append(".\n\n");
                out.append("| Variant | A: score ± error (").append(cell(ref.unit())).append(") | B: score ± error (")
                        .append(cell(ref.unit())).append(") | B vs A | 95% CI | Change |\n");
                out.append("|---|---:|---:|---:|---|---|\n");
                for (Comparison.VariantPair v : g.variants()) {
                    out.append("| ").append(cell(v.variant())).append(" | ").append(score(v.a())).append(" | ")
                            .append(score(v.b())).append(" | ")
                            .append(v.change().map(s -> Format.ratio(s.ratio())).orElse("-")).append(" | ")
                            .append(v.change().map(Format::interval).orElse("-")).append(" | ")
                            .append(changeText(v.kind())).append(" |\n");
                }
                out.append('\n');
            }
            failuresLine(out, "A", q.failuresA());
            failuresLine(out, "B", q.failuresB());
        }

        out.append("## Environment\n\n");
        Set<String> keys = new LinkedHashSet<>(c.a().environment().keySet());
        keys.addAll(c.b().environment().keySet());
        if (keys.isEmpty()) {
            out.append("Neither run folder has an environment.json.\n");
        } else {
            out.append("| Setting | A | B |\n|---|---|---|\n");
            for (String k : keys) {
                out.append("| ").append(cell(k)).append(" | ").append(cell(c.a().environment().getOrDefault(k, "-")))
                        .append(" | ").append(cell(c.b().environment().getOrDefault(k, "-"))).append(" |\n");
            }
        }
        return out.toString();
    }

    static String html(Comparison c) {
        StringBuilder out = new StringBuilder();
        String title = "dbbench comparison: " + c.b().name() + " vs " + c.a().name();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(HtmlPage.CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">").append(esc(explanation(c)))
                .append("</p>\n");

        out.append("<section id=\"claims\">\n<h2>Claims from the guide</h2>\n");
        if (c.claims().isEmpty()) {
            out.append("<p>No benchmark in this jar declares a claim.</p>\n");
        } else {
            out.append("<table class=\"claims\">\n<tr><th>Claim</th><th>Question</th><th>Verdict in A</th>"
                    + "<th>Verdict in B</th></tr>\n");
            for (Comparison.ClaimPair p : c.claims()) {
                out.append("<tr class=\"claim\"><td>").append(esc(p.claim().text())).append("</td><td>")
                        .append(esc(p.question().text())).append("</td><td>").append(verdict(p.a()))
                        .append("</td><td>").append(verdict(p.b())).append("</td></tr>\n");
            }
            out.append("</table>\n");
            ClaimAgreement agreement = c.agreement();
            out.append("<p class=\"agreement\"><b>Agreement:</b> ").append(esc(agreement.summary())).append(".</p>\n");
            if (!agreement.changes().isEmpty()) {
                out.append("<ul class=\"changes\">\n");
                agreement.changes().forEach(change -> out.append("<li>").append(esc(change)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        out.append("</section>\n");

        int n = 0;
        for (Comparison.QuestionPair q : c.questions()) {
            out.append("<section class=\"question\" id=\"q").append(++n).append("\" data-class=\"")
                    .append(esc(q.question().className())).append("\">\n<h2>Q").append(n).append(". ")
                    .append(esc(q.question().text())).append("</h2>\n<p class=\"meta\"><code>")
                    .append(esc(q.question().className())).append("</code></p>\n");
            for (Comparison.GroupPair g : q.groups()) {
                Group ref = g.reference();
                out.append("<div class=\"group\" data-group=\"").append(esc(ref.label())).append("\">\n");
                if (!ref.conditions().isEmpty()) {
                    out.append("<h3>").append(esc(ref.label())).append("</h3>\n");
                }
                g.chartFile().ifPresent(f -> out.append("<img class=\"chart\" alt=\"chart: ").append(esc(ref.label()))
                        .append("\" src=\"").append(HtmlPage.dataUri(c.charts().get(f))).append("\">\n"));
                out.append("<p class=\"note\">").append(esc(presence(g))).append(esc(ref.unit())).append(", ")
                        .append(Report.direction(ref)).append(".</p>\n");
                out.append("<table class=\"results\">\n<tr><th>Variant</th><th>A: score ± error (")
                        .append(esc(ref.unit())).append(")</th><th>B: score ± error (").append(esc(ref.unit()))
                        .append(")</th><th>B vs A</th><th>95% CI</th><th>Change</th></tr>\n");
                for (Comparison.VariantPair v : g.variants()) {
                    String css = v.kind() == Comparison.Change.FASTER ? "faster"
                            : v.kind() == Comparison.Change.SLOWER ? "slower" : "";
                    out.append("<tr><td><code>").append(esc(v.variant())).append("</code></td><td class=\"num\">")
                            .append(esc(score(v.a()))).append("</td><td class=\"num\">").append(esc(score(v.b())))
                            .append("</td><td class=\"num\">")
                            .append(v.change().map(s -> Format.ratio(s.ratio())).orElse("-"))
                            .append("</td><td class=\"num\">").append(v.change().map(Format::interval).orElse("-"))
                            .append("</td><td class=\"").append(css).append("\">").append(changeText(v.kind()))
                            .append("</td></tr>\n");
                }
                out.append("</table>\n</div>\n");
            }
            for (Map.Entry<String, List<Failure>> e : Map.of("A", q.failuresA(), "B", q.failuresB()).entrySet()
                    .stream().sorted(Map.Entry.comparingByKey()).toList()) {
                if (!e.getValue().isEmpty()) {
                    out.append("<p class=\"note failures\">Failed in ").append(e.getKey()).append(": ");
                    e.getValue().forEach(f -> out.append("<code>").append(esc(f.benchmark())).append("</code> ")
                            .append(f.params().isEmpty() ? "" : "(" + esc(Group.label(f.params())) + ") ")
                            .append(esc(f.headline())).append("; "));
                    out.append("</p>\n");
                }
            }
            out.append("</section>\n");
        }

        out.append("<section id=\"environment\">\n<h2>Environment</h2>\n");
        Set<String> keys = new LinkedHashSet<>(c.a().environment().keySet());
        keys.addAll(c.b().environment().keySet());
        if (keys.isEmpty()) {
            out.append("<p>Neither run folder has an environment.json.</p>\n");
        } else {
            out.append("<table class=\"environment\">\n<tr><th>Setting</th><th>A</th><th>B</th></tr>\n");
            for (String k : keys) {
                String va = c.a().environment().getOrDefault(k, "-");
                String vb = c.b().environment().getOrDefault(k, "-");
                out.append(va.equals(vb) ? "<tr>" : "<tr class=\"baseline\">").append("<td><code>").append(esc(k))
                        .append("</code></td><td>").append(esc(va)).append("</td><td>").append(esc(vb))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</section>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String verdict(ClaimCheck check) {
        return "<span class=\"verdict " + HtmlPage.cssClass(check.verdict()) + "\">" + esc(check.verdictText()) + "</span>";
    }

    private static String presence(Comparison.GroupPair g) {
        return g.inA() && g.inB() ? "" : g.inA() ? "Only in run A. " : "Only in run B. ";
    }

    private static String score(Optional<Metric> m) {
        return m.map(Format::score).orElse("-");
    }

    private static void failuresLine(StringBuilder out, String run, List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        out.append("Failed in ").append(run).append(": ");
        failures.forEach(f -> out.append('`').append(f.benchmark()).append('`')
                .append(f.params().isEmpty() ? "" : " (" + cell(Group.label(f.params())) + ")")
                .append(" ").append(cell(f.headline())).append("; "));
        out.append("\n\n");
    }

    static String changeText(Comparison.Change change) {
        return change.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                .replace("only in a", "only in A").replace("only in b", "only in B")
                // The interval needs two forks a side; iterations alone no longer give one (see SpeedUp).
                .replace("too few iterations", "too few forks for an interval");
    }
}
