package dev.dbbench.regress;

import dev.dbbench.regress.CheckReport.Pair;
import dev.dbbench.regress.CheckReport.Ruler;
import dev.dbbench.regress.SequentialRule.Look;
import java.util.List;

/**
 * Everything the sequential check found ({@code compare --preset} or {@code --budget}), written as
 * JSON and rendered as Markdown. Ratios are slowdowns: {@code > 1} means head is worse whatever the
 * unit. Each case is one benchmark (with its parameters) and one metric: its time, or its allocation
 * per operation.
 */
public record SequentialReport(
        String kind,
        String base,
        String head,
        Parameters parameters,
        String startedAt,
        String finishedAt,
        double minutes,
        int pairsRun,
        boolean budgetRanOut,
        Verdict verdict,
        int exitCode,
        List<Case> cases,
        List<Ruler> rulers,
        List<String> notes) {

    public SequentialReport withExitCode(int code) {
        return new SequentialReport(kind, base, head, parameters, startedAt, finishedAt, minutes, pairsRun, budgetRanOut, verdict,
                code, cases, rulers, notes);
    }

    /**
     * How the check was run. {@code timeAlarmAlpha} and {@code allocationAlarmAlpha} are the alpha of
     * each time and each allocation case's alarm (alpha split over the hypotheses of that metric, which
     * share it as {@link SequentialRule#TIME_SHARE} says), {@code equivalenceAlpha} that of each case's
     * equivalence bounds; each is spent over the plan's looks (every look's levels are in its
     * {@link SequentialRule.Look}).
     */
    public record Parameters(String preset, double threshold, double allocationThreshold, double alpha, double rulerTolerance,
                             String plan, int hypotheses, double timeAlarmAlpha, double allocationAlarmAlpha,
                             double equivalenceAlpha, long budgetSeconds, String steadyState, ForkSettings forks, List<String> selection,
                             List<String> jmhArgs, boolean gcProfiler, String injectedSlowdown) {}

    /**
     * One benchmark and metric ({@code time} or {@code allocation}): its pairs (each fork's value after
     * the steady-state rule), the iterations the rule dropped per fork, every look, and the verdict.
     */
    public record Case(BenchmarkKey key, String metric, String unit, boolean higherIsBetter, double threshold,
                       List<Pair> pairs, List<int[]> dropped, List<Look> looks, Verdict verdict, int decidedAtPairs,
                       String note) {}
}
