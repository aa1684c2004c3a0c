package dev.dbbench.report;

import dev.dbbench.results.Failure;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code index.html}: one self-contained file that works offline (inline CSS, charts as
 * {@code data:} URIs, no scripts), so it can be mailed, attached to CI or opened from a laptop.
 */
public final class HtmlPage {
    public static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;\
            padding:1.5em;color:#1d2330}
            h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #dde3ec;padding-bottom:.2em}
            h3{margin-bottom:.3em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;width:100%}
            th,td{border:1px solid #d5dbe5;padding:.35em .6em;vertical-align:top;text-align:left}
            th{background:#f1f4f9}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.baseline td{background:#fbf7e9}
            code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#f3f5f8;padding:0 .25em}
            img.chart{max-width:100%;height:auto;border:1px solid #e3e7ee}
            .meta,.note{color:#566074;font-size:.93em}
            .verdict{font-weight:600;display:inline-block;padding:.1em .45em;border-radius:.3em}
            .verdict.holds{background:#dff3e3;color:#17602a}.verdict.holds-only-when{background:#fff0cf;color:#7a5200}
            .verdict.does-not-hold{background:#fde2e1;color:#8f1d1d}.verdict.inconclusive{background:#eceff4;color:#3d4657}
            .verdict.not-measured{background:#f4f4f4;color:#6b7280}
            .verdict.insufficient-data{background:#f4f4f4;color:#4b5563;border:1px dashed #9aa3b2}
            .verdict.no-verdict{background:#f4f4f4;color:#6b7280;font-style:italic}
            .faster{color:#17602a}.slower{color:#8f1d1d}
            pre{white-space:pre-wrap;font-size:12px;background:#f7f8fa;padding:.6em}
            nav ol{columns:2}
            """;

    private final StringBuilder out = new StringBuilder();

    private HtmlPage() {}

    static String render(Report report) {
        return new HtmlPage().write(report);
    }

    private String write(Report report) {
        head("dbbench report: " + report.run().name());
        out.append("<h1>dbbench report: ").append(esc(report.run().name())).append("</h1>\n");
        out.append("<p class=\"meta\">").append(esc(Methods.TEXT)).append("</p>\n");
        Report.scaleNote(report.run()).ifPresent(n -> out.append("<p class=\"meta\"><strong>").append(esc(n))
                .append("</strong>: figures of this run are not full-size answers.</p>\n"));
        nav(report);
        claims(report.claims());
        int n = 0;
        for (QuestionReport q : report.questions()) {
            question(++n, q, report.charts());
        }
        failures(report.run().failures());
        profiles(report.run().dir());
        environment(report.run().environment());
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void head(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    private void nav(Report report) {
        out.append("<nav><ol>\n<li><a href=\"#claims\">Claims: the guide, other sources, the suite</a></li>\n");
        int n = 0;
        for (QuestionReport q : report.questions()) {
            n++;
            out.append("<li><a href=\"#q").append(n).append("\">").append(esc(q.question().text()))
                    .append("</a></li>\n");
        }
        out.append("<li><a href=\"#failures\">Failed benchmarks (").append(report.run().failures().size())
                .append(")</a></li>\n<li><a href=\"#environment\">Environment</a></li>\n</ol></nav>\n");
    }

    private void claims(List<ClaimCheck> claims) {
        out.append("<section id=\"claims\">\n<h2>Claims: the guide, other sources, the suite</h2>\n");
        if (claims.isEmpty()) {
            out.append("<p>No benchmark in this jar declares a claim.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"note\">").append(esc(SummaryMarkdown.CLAIM_RULE)).append("</p>\n");
        for (Claim.Source source : Claim.Source.values()) {
            List<ClaimCheck> part = claims.stream().filter(c -> c.claim().source() == source).toList();
            if (part.isEmpty()) {
                continue;
            }
            out.append("<h3>").append(esc(source.heading())).append("</h3>\n");
            out.append("<table class=\"claims\">\n<tr><th>Claim</th><th>Source</th><th>Question</th><th>Compared</th>"
                    + "<th>Where</th><th>Claimed</th><th>Measured speed-up [95% CI], forks × iterations</th>"
                    + "<th>Verdict</th></tr>\n");
            for (ClaimCheck c : part) {
                out.append("<tr class=\"claim\" data-verdict=\"").append(cssClass(c.verdict())).append("\"><td>")
                        .append(esc(c.claim().text())).append("</td><td>").append(esc(c.claim().attribution()))
                        .append("</td><td>").append(esc(c.question().text()))
                        .append("</td><td><code>").append(esc(c.claim().compared())).append("</code></td><td>")
                        .append(c.claim().where().isEmpty() ? "all" : esc(Group.label(c.claim().where())))
                        .append("</td><td class=\"num\">").append(esc(c.claim().claimedFactor())).append("</td><td>");
                if (c.measured().isEmpty()) {
                    out.append("-");
                }
                for (ClaimCheck.Measured m : c.measured()) {
                    out.append("<div>").append(esc(SummaryMarkdown.measuredText(c, m)))
                            .append(" <span class=\"note\">(").append(outcomeText(m.outcome())).append(")</span></div>");
                }
                out.append("</td><td><span class=\"verdict ").append(cssClass(c.verdict())).append("\">")
                        .append(esc(c.verdictText())).append("</span></td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</section>\n");
    }

    private void question(int n, QuestionReport q, Map<String, byte[]> charts) {
        Question question = q.question();
        out.append("<section class=\"question\" id=\"q").append(n).append("\" data-class=\"")
                .append(esc(question.className())).append("\">\n<h2>Q").append(n).append(". ")
                .append(esc(question.text())).append("</h2>\n<p class=\"meta\"><code>").append(esc(question.className()))
                .append("</code> · variants: ")
                .append(esc(question.variantParam().map(p -> "values of @Param " + p).orElse("methods")))
                .append(" · baseline: ")
                .append(esc(question.baseline().orElse("the slowest variant of each group")))
                .append(question.declared() ? "" : " (no question metadata for this class)").append("</p>\n");
        for (Group g : q.groups()) {
            group(g, charts.get(g.chartFile()));
        }
        if (q.groups().isEmpty()) {
            out.append("<p>No results: every benchmark of this class failed (see <a href=\"#failures\">Failed "
                    + "benchmarks</a>).</p>\n");
        } else if (!q.failures().isEmpty()) {
            out.append("<p class=\"note\">Failed in this run: ");
            for (int i = 0; i < q.failures().size(); i++) {
                Failure f = q.failures().get(i);
                out.append(i == 0 ? "" : ", ").append("<code>")
                        .append(esc(f.benchmark().substring(f.benchmark().lastIndexOf('.') + 1))).append("</code>")
                        .append(f.params().isEmpty() ? "" : " (" + esc(Group.label(f.params())) + ")");
            }
            out.append(" (see <a href=\"#failures\">Failed benchmarks</a>).</p>\n");
        }
        out.append("</section>\n");
    }

    private void group(Group g, byte[] chart) {
        out.append("<div class=\"group\" data-group=\"").append(esc(g.label())).append("\">\n");
        if (!g.conditions().isEmpty()) {
            out.append("<h3>").append(esc(g.label())).append("</h3>\n");
        }
        if (chart != null) {
            out.append("<img class=\"chart\" alt=\"chart: ").append(esc(g.label())).append("\" src=\"")
                    .append(dataUri(chart)).append("\">\n");
        }
        out.append("<p class=\"note\">").append(esc(g.unit())).append(", ").append(Report.direction(g))
                .append(g.compares() ? "; speed-ups against <b>" + esc(g.baseline()) + "</b>." : "; one variant, no speed-up.")
                .append(g.note().map(n -> " Note: " + esc(n) + ".").orElse("")).append("</p>\n");
        out.append("<table class=\"results\">\n<tr><th>Rank</th><th>Variant</th><th>Score ± error (")
                .append(esc(g.unit())).append(")</th><th>Speed-up vs ").append(esc(g.baseline()))
                .append("</th><th>95% CI</th><th>Forks x iterations</th><th>Secondary metrics</th></tr>\n");
        int rank = 0;
        for (Row row : g.rows()) {
            boolean baseline = row.variant().equals(g.baseline()) && g.compares();
            out.append(baseline ? "<tr class=\"baseline\">" : "<tr>").append("<td class=\"num\">")
                    .append(row.failure().isPresent() ? "-" : String.valueOf(++rank))
                    .append("</td><td><code>").append(esc(row.variant())).append("</code>")
                    .append(baseline ? " (baseline)" : "").append(esc(Report.flags(row))).append("</td><td class=\"num\">")
                    .append(esc(Format.score(row.metric()))).append("</td><td class=\"num\">")
                    .append(Report.speedUp(g, row)).append("</td><td class=\"num\">")
                    .append(baseline || !g.compares() ? "-" : Format.interval(row.speedUp())).append("</td><td>")
                    .append(Report.iterations(row.metric())).append("</td><td>").append(esc(Report.secondary(row)))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n</div>\n");
    }

    /** Files that -prof jfr or async wrote into the run folder, linked relative to index.html. */
    private void profiles(java.nio.file.Path runDir) {
        List<String> files = dev.dbbench.profile.ProfilerOutput.files(runDir);
        if (files.isEmpty()) {
            return;
        }
        out.append("<section id=\"profiles\">\n<h2>Profiles</h2>\n<p class=\"note\">Written by JMH's profilers during the run, one")
                .append(" folder per benchmark (open .jfr files with JDK Mission Control or <code>jfr print</code>).</p>\n<ul>\n");
        for (String f : files) {
            out.append("<li><a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a></li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    private void failures(List<Failure> failures) {
        out.append("<section id=\"failures\">\n<h2>Failed benchmarks</h2>\n");
        if (failures.isEmpty()) {
            out.append("<p>None.</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"failures\">\n<tr><th>Benchmark</th><th>Params</th><th>Error</th></tr>\n");
        for (Failure f : failures) {
            out.append("<tr class=\"failure\"><td><code>").append(esc(f.benchmark())).append("</code></td><td>")
                    .append(f.params().isEmpty() ? "-" : esc(Group.label(f.params()))).append("</td><td>")
                    .append(esc(f.headline()));
            if (!f.error().isEmpty()) {
                out.append("<details><summary>full error</summary><pre>").append(esc(f.text().strip()))
                        .append("</pre></details>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    private void environment(Map<String, String> environment) {
        out.append("<section id=\"environment\">\n<h2>Environment</h2>\n");
        if (environment.isEmpty()) {
            out.append("<p>No environment.json in this run folder.</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"environment\">\n<tr><th>Setting</th><th>Value</th></tr>\n");
        environment.forEach((k, v) -> out.append("<tr><td><code>").append(esc(k)).append("</code></td><td>")
                .append(esc(v)).append("</td></tr>\n"));
        out.append("</table>\n</section>\n");
    }

    static String outcomeText(ClaimCheck.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String cssClass(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Text safe in HTML content and in double-quoted attributes. */
    public static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
