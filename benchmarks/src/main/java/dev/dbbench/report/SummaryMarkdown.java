package dev.dbbench.report;

import dev.dbbench.results.Failure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@code summary.md}: readable as plain text and on a Git host, charts linked from {@code charts/}. */
final class SummaryMarkdown {
    private final StringBuilder out = new StringBuilder();

    private SummaryMarkdown() {}

    static String render(Report report) {
        return new SummaryMarkdown().write(report);
    }

    private String write(Report report) {
        line("# dbbench report: " + cell(report.run().name()));
        line("");
        line(Methods.TEXT);
        line("");
        Report.scaleNote(report.run()).ifPresent(n -> line("**" + cell(n) + "**: figures of this run are not full-size answers.\n"));
        contents(report);
        claims(report.claims());
        int n = 0;
        for (QuestionReport q : report.questions()) {
            question(++n, q);
        }
        failures(report.run().failures());
        environment(report.run().environment());
        return out.toString();
    }

    private void contents(Report report) {
        line("## Contents");
        line("");
        line("- [Claims: the guide, other sources, the suite](#claims)");
        int n = 0;
        for (QuestionReport q : report.questions()) {
            n++;
            line("- [Q" + n + ". " + cell(q.question().text()) + "](#q" + n + ")");
        }
        line("- [Failed benchmarks](#failures) (" + report.run().failures().size() + ")");
        line("- [Environment](#environment)");
        line("");
    }

    private void claims(List<ClaimCheck> claims) {
        line("<a id=\"claims\"></a>");
        line("## Claims: the guide, other sources, the suite");
        line("");
        if (claims.isEmpty()) {
            line("No benchmark in this jar declares a claim.");
            line("");
            return;
        }
        line(CLAIM_RULE);
        line("");
        for (Claim.Source source : Claim.Source.values()) {
            List<ClaimCheck> part = claims.stream().filter(c -> c.claim().source() == source).toList();
            if (part.isEmpty()) {
                continue;
            }
            line("### " + source.heading());
            line("");
            line("| Claim | Source | Question | Compared | Where | Claimed | Measured speed-up [95% CI], forks × iterations | Verdict |");
            line("|---|---|---|---|---|---|---|---|");
            for (ClaimCheck c : part) {
                String measured = c.measured().isEmpty() ? "-"
                        : c.measured().stream().map(m -> cell(measuredText(c, m))).collect(Collectors.joining("<br>"));
                line("| " + cell(c.claim().text()) + " | " + cell(c.claim().attribution())
                        + " | " + cell(c.question().text())
                        + " | " + cell(c.claim().compared())
                        + " | " + (c.claim().where().isEmpty() ? "all" : cell(Group.label(c.claim().where())))
                        + " | " + cell(c.claim().claimedFactor()) + " | " + measured
                        + " | **" + cell(c.verdictText()) + "** |");
            }
            line("");
        }
    }

    static final String CLAIM_RULE = "A claim \"F times faster\" holds where the whole 95% interval of the measured "
            + "speed-up is at least F, does not hold where it is wholly below F, and is inconclusive where it contains F; "
            + "with fewer than " + Replication.MINIMUM_FORKS + " forks of " + Replication.MINIMUM_ITERATIONS
            + " iterations on either side it reads \"insufficient data\". Each claim names its source; a factor the "
            + "source does not state in numbers is marked as the suite's reading of its words.";

    /** "rows=1000: 10.0x [9.90x, 10.1x], 2 forks × 3 iterations". */
    static String measuredText(ClaimCheck c, ClaimCheck.Measured m) {
        return (c.measured().size() > 1 || !m.group().conditions().isEmpty() ? m.group().label() + ": " : "")
                + Format.ratio(m.speedUp().ratio()) + (m.speedUp().hasInterval() ? " " + Format.interval(m.speedUp()) : "")
                + (m.replication() == null ? "" : ", " + m.replication());
    }

    private void question(int n, QuestionReport q) {
        Question question = q.question();
        line("<a id=\"q" + n + "\"></a>");
        line("## Q" + n + ". " + cell(question.text()));
        line("");
        line("`" + question.className() + "` · variants: "
                + question.variantParam().map(p -> "values of @Param " + p).orElse("methods")
                + " · baseline: " + question.baseline().orElse("the slowest variant of each group")
                + (question.declared() ? "" : " (no question metadata for this class)"));
        line("");
        for (Group g : q.groups()) {
            group(g);
        }
        if (q.groups().isEmpty()) {
            line("No results: every benchmark of this class failed (see [Failed benchmarks](#failures)).");
            line("");
        } else if (!q.failures().isEmpty()) {
            line("Failed in this run: " + q.failures().stream()
                    .map(f -> "`" + f.benchmark().substring(f.benchmark().lastIndexOf('.') + 1) + "`"
                            + (f.params().isEmpty() ? "" : " (" + cell(Group.label(f.params())) + ")"))
                    .collect(Collectors.joining(", ")) + " (see [Failed benchmarks](#failures)).");
            line("");
        }
    }

    private void group(Group g) {
        if (!g.conditions().isEmpty()) {
            line("### " + cell(g.label()));
            line("");
        }
        line("![" + cell(g.label()) + "](charts/" + g.chartFile() + ")");
        line("");
        line(g.unit() + ", " + Report.direction(g) + (g.compares() ? "; speed-ups against **" + cell(g.baseline()) + "**." : "; one variant, no speed-up.")
                + g.note().map(n -> " Note: " + cell(n) + ".").orElse(""));
        line("");
        line("| Rank | Variant | Score ± error (" + cell(g.unit()) + ") | Speed-up vs " + cell(g.baseline())
                + " | 95% CI | Forks x iterations | Secondary metrics |");
        line("|---:|---|---:|---:|---|---|---|");
        int rank = 0;
        for (Row row : g.rows()) {
            boolean baseline = row.variant().equals(g.baseline()) || !g.compares();
            line("| " + (row.failure().isPresent() ? "-" : String.valueOf(++rank)) + " | "
                    + (!g.compares() ? cell(row.variant()) : baseline ? "**" + cell(row.variant()) + "** (baseline)" : cell(row.variant()))
                    + cell(Report.flags(row))
                    + " | " + Format.score(row.metric()) + " | " + Report.speedUp(g, row)
                    + " | " + (baseline ? "-" : Format.interval(row.speedUp()))
                    + " | " + Report.iterations(row.metric()) + " | " + cell(Report.secondary(row)) + " |");
        }
        line("");
    }

    private void failures(List<Failure> failures) {
        line("<a id=\"failures\"></a>");
        line("## Failed benchmarks");
        line("");
        if (failures.isEmpty()) {
            line("None.");
            line("");
            return;
        }
        line("| Benchmark | Params | Error |");
        line("|---|---|---|");
        for (Failure f : failures) {
            line("| `" + f.benchmark() + "` | " + (f.params().isEmpty() ? "-" : cell(Group.label(f.params())))
                    + " | " + cell(f.headline()) + " |");
        }
        line("");
    }

    private void environment(Map<String, String> environment) {
        line("<a id=\"environment\"></a>");
        line("## Environment");
        line("");
        if (environment.isEmpty()) {
            line("No environment.json in this run folder.");
            line("");
            return;
        }
        line("| Setting | Value |");
        line("|---|---|");
        environment.forEach((k, v) -> line("| " + cell(k) + " | " + cell(v) + " |"));
        line("");
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\s*\\R\\s*", " ");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
