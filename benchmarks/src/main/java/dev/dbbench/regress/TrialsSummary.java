package dev.dbbench.regress;

import dev.dbbench.regress.TrialRecord.Check;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * trials.md, rendered from the {@link TrialRecord} alone (so a record continued over several sessions
 * gives the same summary as one run end to end): the measured rates beside the done-when of issue 14,
 * each marked met, not met, or not yet with how many checks are done.
 */
final class TrialsSummary {
    /** Issue 14's done-when: checks of each kind, detections needed, false alarms allowed, share decided, minutes. */
    static final int CHECKS = 20;
    static final int DETECTIONS = 18;
    static final int FALSE_ALARMS = 1;
    static final double DECIDED = 0.90;
    static final double MINUTES = 15;

    private TrialsSummary() {}

    static String render(TrialRecord record, String title, boolean abOnly) {
        List<Check> ab = record.of(TrialRecord.A_B);
        List<Check> aa = record.of(TrialRecord.A_A);
        long detected = ab.stream().filter(Check::injectedFlagged).count();
        long falseAlarms = aa.stream().filter(c -> c.verdict() == Verdict.REGRESSION).count();
        long cases = record.checks().stream().mapToLong(c -> c.cases().size()).sum();
        long decided = record.checks().stream().flatMap(c -> c.cases().stream()).filter(TrialRecord.CaseVerdict::decided).count();
        double[] minutes = record.checks().stream().mapToDouble(Check::minutes).toArray();
        double longest = minutes.length == 0 ? 0 : java.util.Arrays.stream(minutes).max().orElse(0);
        int total = abOnly ? CHECKS : 2 * CHECKS;
        StringBuilder md = new StringBuilder(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d checks in the record (%d A/B, %d A/A), %s.%n%n", record.checks().size(), ab.size(), aa.size(),
                record.checks().isEmpty() ? "none yet" : "from " + record.checks().get(0).startedAt() + " to "
                        + record.checks().get(record.checks().size() - 1).finishedAt()));
        md.append("| done-when (issue 14) | measured | status |\n|---|---|---|\n");
        md.append(row("injected 10% slowdown flagged in >= " + DETECTIONS + " of " + CHECKS + " A/B checks",
                count(detected, ab.size()), ab.size() - detected > CHECKS - DETECTIONS ? met(false)
                        : ab.size() < CHECKS ? notYet(ab.size(), CHECKS, "A/B checks") : met(detected >= DETECTIONS)));
        md.append(row("at most " + FALSE_ALARMS + " false alarm in " + CHECKS + " A/A checks", count(falseAlarms, aa.size()),
                abOnly ? "not measured: --ab-only" : falseAlarms > FALSE_ALARMS ? met(false)
                        : aa.size() < CHECKS ? notYet(aa.size(), CHECKS, "A/A checks") : met(true)));
        md.append(row(String.format(Locale.ROOT, ">= %.0f%% of per-benchmark verdicts decided", DECIDED * 100),
                String.format(Locale.ROOT, "%d of %d (%s)", decided, cases, cases == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * decided / cases)),
                complete(record, abOnly) ? met(cases > 0 && decided >= DECIDED * cases) : notYet(record.checks().size(), total, "checks")));
        md.append(row(String.format(Locale.ROOT, "one check takes at most %.0f min", MINUTES),
                minutes.length == 0 ? "-" : String.format(Locale.ROOT, "longest %.1f min, median %.1f min", longest, PairedStatistics.median(minutes)),
                longest > MINUTES ? met(false) : complete(record, abOnly) ? met(true) : notYet(record.checks().size(), total, "checks")));
        if (!record.checks().isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nMachine load (one-minute load average) at the checks' starts %.1f to %.1f, at their ends %.1f to %.1f;"
                    + " the done-when asks for a quiet machine, so read the rates beside these.%n",
                    record.checks().stream().mapToDouble(Check::loadAtStart).min().orElse(0),
                    record.checks().stream().mapToDouble(Check::loadAtStart).max().orElse(0),
                    record.checks().stream().mapToDouble(Check::loadAtEnd).min().orElse(0),
                    record.checks().stream().mapToDouble(Check::loadAtEnd).max().orElse(0)));
            md.append(settings(record.checks().get(0).settings()));
            md.append("\n| check | started (UTC) | verdict | injected benchmark flagged | cases decided | pairs | minutes | load start / end |\n"
                    + "|---|---|---|---|---:|---:|---:|---|\n");
            for (Check c : record.checks()) {
                long d = c.cases().stream().filter(TrialRecord.CaseVerdict::decided).count();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d of %d | %d | %.1f | %.2f / %.2f |%n", c.name(), c.startedAt(),
                        c.verdict(), c.kind().equals(TrialRecord.A_B) ? (c.injectedFlagged() ? "yes" : "no") : "-", d, c.cases().size(), c.pairs(),
                        c.minutes(), c.loadAtStart(), c.loadAtEnd()));
            }
        }
        return md.toString();
    }

    /** Whether the full set of checks is in the record (A/A not asked of an --ab-only record). */
    private static boolean complete(TrialRecord record, boolean abOnly) {
        return record.of(TrialRecord.A_B).size() >= CHECKS && (abOnly || record.of(TrialRecord.A_A).size() >= CHECKS);
    }

    private static String settings(Map<String, String> settings) {
        StringBuilder s = new StringBuilder("\nSettings of every check:");
        settings.forEach((k, v) -> s.append(' ').append(k).append(" = `").append(v).append("`;"));
        s.setLength(s.length() - 1);
        return s.append(".\n").toString();
    }

    private static String row(String goal, String measured, String status) {
        return "| " + goal + " | " + measured + " | " + status + " |\n";
    }

    private static String count(long k, int n) {
        return k + " of " + n;
    }

    private static String notYet(int done, int of, String what) {
        return "not yet: " + done + " of " + of + " " + what + " done";
    }

    private static String met(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
