package dev.dbbench.regress;

import dev.dbbench.regress.PairedStatistics.Decision;
import java.util.List;

/**
 * Everything a comparison found, written as JSON ({@code --json}) and rendered as Markdown. Ratios are
 * slowdowns: {@code > 1} means head is slower whatever the unit.
 */
public record CheckReport(
        String kind,
        String base,
        String head,
        Parameters parameters,
        String startedAt,
        String finishedAt,
        Verdict verdict,
        int exitCode,
        List<Case> benchmarks,
        List<Ruler> rulers,
        List<String> notes) {

    /** This report with the exit code the command chose (which depends on --unstable-is-warning). */
    public CheckReport withExitCode(int code) {
        return new CheckReport(kind, base, head, parameters, startedAt, finishedAt, verdict, code, benchmarks, rulers, notes);
    }

    /** How the check was run: enough to reproduce the verdict from the pairs. */
    public record Parameters(int pairs, double threshold, double alpha, double rulerTolerance, int resamples, long seed,
                             ForkSettings forks, List<String> selection) {}

    /** One pair of forks: each fork's median, and the slowdown of head against base. */
    public record Pair(double base, double head, double slowdown) {}

    /** One benchmark in one round: its pairs and the statistics over them. */
    public record Round(List<Pair> pairs, Decision decision) {}

    /**
     * One benchmark: the first round, the re-run when the first round flagged it, and the verdict.
     * {@code higherIsBetter} comes from the unit (ops per time) or else the mode.
     */
    public record Case(BenchmarkKey key, String unit, boolean higherIsBetter, Round first, Round rerun,
                       Verdict verdict, String note) {}

    /** A ruler in one round: its median slowdown, and whether it moved beyond the tolerance. */
    public record Ruler(BenchmarkKey key, String unit, int round, List<Pair> pairs, double estimate, boolean moved) {}
}
