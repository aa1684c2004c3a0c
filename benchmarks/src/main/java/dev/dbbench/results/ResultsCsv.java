package dev.dbbench.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code results.csv}: one row per benchmark x mode x parameter combination.
 *
 * <p>Units: a row's primary score is in the unit its {@code score_unit} column names (ops/ms for
 * one benchmark, ns/op for another: one unit per column would leave most cells empty);
 * {@code score_error} is the half-width of JMH's 99.9% confidence interval in the same unit, empty
 * when there are too few samples for one. Secondary metrics ({@code @AuxCounters}, profilers) get
 * a column each, named {@code <metric> [<unit>]}, so their unit is in the column name; a metric JMH
 * sums over iterations is given per iteration instead and says so: {@code peakActive [#, max per
 * iteration]}, {@code gc.time [ms, mean per iteration]} (see {@link PerIteration}). Numbers
 * use {@code .} as decimal separator and no grouping, whatever the machine's locale.
 */
public final class ResultsCsv {
    static final List<String> FIXED = List.of("benchmark", "mode", "params", "threads", "forks", "samples", "score", "score_error", "score_unit");

    private ResultsCsv() {}

    public static String render(Collection<RunResult> results) {
        TreeSet<String> secondaryColumns = new TreeSet<>();
        for (RunResult r : results) {
            r.getSecondaryResults().values().forEach(s -> secondaryColumns.add(secondaryColumn(s, perIteration(r, s))));
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(secondaryColumns);
        row(out, header);
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            Result<?> primary = r.getPrimaryResult();
            List<String> cells = new ArrayList<>();
            cells.add(p.getBenchmark());
            cells.add(p.getMode().shortLabel());
            cells.add(params(p));
            cells.add(Integer.toString(p.getThreads()));
            cells.add(Integer.toString(p.getForks()));
            cells.add(Long.toString(primary.getSampleCount()));
            cells.add(number(primary.getScore()));
            cells.add(number(primary.getScoreError()));
            cells.add(primary.getScoreUnit());
            Map<String, PerIteration> secondaries = new HashMap<>();
            for (Result<?> s : r.getSecondaryResults().values()) {
                PerIteration value = perIteration(r, s);
                secondaries.putIfAbsent(secondaryColumn(s, value), value);
            }
            for (String column : secondaryColumns) {
                PerIteration s = secondaries.get(column);
                cells.add(s == null ? "" : number(s.value()));
            }
            row(out, cells);
        }
        return out.toString();
    }

    /** {@code name=value;name=value} in the benchmark's declaration order; parameters are enums or numbers, never holding {@code ;}. */
    static String params(BenchmarkParams p) {
        return p.getParamsKeys().stream().map(k -> k + "=" + p.getParam(k)).collect(Collectors.joining(";"));
    }

    /** {@code peakActive [#, max per iteration]}; {@code gc.alloc.rate.norm [B/op]} where JMH's score is shown. */
    static String secondaryColumn(Result<?> r, PerIteration value) {
        return r.getLabel() + " [" + r.getScoreUnit() + (value.qualifier().isEmpty() ? "" : ", " + value.qualifier()) + "]";
    }

    /** The metric per iteration, from every measured iteration of every fork (JMH sums some over them). */
    static PerIteration perIteration(RunResult run, Result<?> secondary) {
        List<Double> iterations = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                Result<?> value = iteration.getSecondaryResults().get(secondary.getLabel());
                if (value != null) {
                    iterations.add(value.getScore());
                }
            }
        }
        return PerIteration.of(secondary.getLabel(), secondary.getScoreUnit(), secondary.getScore(), iterations);
    }

    /** Shortest exact decimal form, never scientific notation, locale-independent; empty for NaN. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
    static String escape(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
