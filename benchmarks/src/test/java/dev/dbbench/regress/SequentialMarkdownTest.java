package dev.dbbench.regress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.regress.CheckReport.Pair;
import dev.dbbench.regress.SequentialRule.Look;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sequential report's Markdown names the rule, the levels each verdict was reached at, and its marker. */
class SequentialMarkdownTest {
    @Test
    void aFlaggedCaseShowsItsAlarmBoundsAndTheirLevel() {
        double[] slowdowns = {1.10, 1.12, 1.09, 1.11, 1.10, 1.08, 1.12, 1.10};
        List<Pair> pairs = new ArrayList<>();
        for (double s : slowdowns) {
            pairs.add(new Pair(10, 10 * s, s));
        }
        SequentialRule.Plan plan = new SequentialRule.Plan(8, 2, 4, 8);
        double alarm = plan.alarmLevel(0.004, 8);
        Look look = SequentialRule.look(slowdowns, 0.05, alarm, plan.equivalenceLevel(0.05, 8));
        BenchmarkKey key = BenchmarkKey.of(Preset.INJECTION_TARGET, "avgt", Map.of());
        SequentialReport.Case flagged = new SequentialReport.Case(key, SequentialCheck.TIME, "ms/op", false, 0.05, pairs,
                List.of(new int[] {1, 2}), List.of(look), look.verdict(), 8, "");
        ForkSettings forks = new ForkSettings(Path.of("/jdk/bin/java"), List.of(), 1, 8, "200ms", "150ms",
                new PairSchedule(PairSchedule.Kind.DUET, List.of(0, 1)));
        SequentialReport.Parameters p = new SequentialReport.Parameters("ci", 0.05, 0.05, 0.05, 0.03, plan.describe(), 20,
                0.004, 0.0005, 0.05, 900, SteadyState.RULE, forks, Preset.CI.selection(), Preset.CI.paramArgs(), true, "");
        String md = SequentialMarkdown.render(new SequentialReport("sequential", "base.jar", "head.jar", p, "2026-12-03T11:00:00Z",
                "2026-12-03T11:10:00Z", 10, 8, false, Verdict.REGRESSION, 1, List.of(flagged), List.of(), List.of()));
        assertTrue(md.startsWith(SequentialMarkdown.MARKER), md);
        assertTrue(md.contains("geometric mean ratio") && md.contains("O'Brien-Fleming"), md);
        assertTrue(md.contains("**REGRESSION**") && md.contains(String.format(java.util.Locale.ROOT, "(alarm, level %.2g each side)", alarm)), md);
        assertTrue(md.contains("+10.2%") || md.contains("+10.3%"), md);
        assertTrue(md.contains("8 pairs of single forks (duet: base and head forks at once, each pinned to one of CPUs [0, 1]"), md);
    }
}
