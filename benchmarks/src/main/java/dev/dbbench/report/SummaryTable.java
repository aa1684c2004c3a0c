package dev.dbbench.report;

import dev.dbbench.results.Failure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The table printed at the end of a run: benchmark, params, score +- error, unit; then the failures.
 * Read from JMH's results in memory (the run folder is being written at the same time); numbers as
 * the report writes them ({@link Format}).
 */
public final class SummaryTable {
    private SummaryTable() {}

    public static String render(Collection<RunResult> results, List<Failure> failures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Benchmark", "Mode", "Params", "Score", "Error (99.9%)", "Unit"});
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            Result<?> primary = r.getPrimaryResult();
            rows.add(new String[] {
                shortName(p.getBenchmark()),
                p.getMode().shortLabel(),
                p.getParamsKeys().stream().map(k -> k + "=" + p.getParam(k)).collect(Collectors.joining(" ")),
                Format.number(primary.getScore()),
                Double.isNaN(primary.getScoreError()) ? "" : "± " + Format.number(primary.getScoreError()),
                primary.getScoreUnit()});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i == 3 || i == 4;
                String cell = numeric ? " ".repeat(width[i] - row[i].length()) + row[i] : row[i] + " ".repeat(width[i] - row[i].length());
                line.append(cell).append(i + 1 < row.length ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (results.isEmpty()) {
            out.append("(no results)\n");
        }
        if (!failures.isEmpty()) {
            out.append('\n').append(failures.size()).append(failures.size() == 1 ? " failure:\n" : " failures:\n");
            for (Failure f : failures) {
                String params = f.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" "));
                out.append("  FAILED ").append(shortName(f.benchmark())).append(' ').append(f.mode());
                if (!params.isEmpty()) {
                    out.append(' ').append(params);
                }
                out.append(": ").append(f.reason()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code dev.dbbench.bench.sqlite.insert.SqliteInsertBenchmark.batchOneTransaction} -> {@code sqlite.insert.SqliteInsertBenchmark.batchOneTransaction}: the module says enough. */
    static String shortName(String benchmark) {
        String prefix = "dev.dbbench.bench.";
        return benchmark.startsWith(prefix) ? benchmark.substring(prefix.length()) : benchmark;
    }
}
