package dev.dbbench.regress;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One measured case: a benchmark method, its JMH mode and its parameter values. Two runs are compared
 * case by case, so a class with {@code @Param rows={1000,100000}} gives two keys.
 */
public record BenchmarkKey(String benchmark, String mode, SortedMap<String, String> params)
        implements Comparable<BenchmarkKey> {
    public BenchmarkKey {
        params = new TreeMap<>(params);
    }

    public static BenchmarkKey of(String benchmark, String mode, Map<String, String> params) {
        return new BenchmarkKey(benchmark, mode, new TreeMap<>(params));
    }

    /** {@code SqliteInsertBenchmark.batched [avgt] rows=1000}: short class name, for tables. */
    public String label() {
        String name = benchmark;
        int method = name.lastIndexOf('.');
        int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        String shortName = type >= 0 ? name.substring(type + 1) : name;
        String p = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return shortName + " [" + mode + "]" + (p.isEmpty() ? "" : " " + p);
    }

    @Override
    public int compareTo(BenchmarkKey o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return benchmark + " [" + mode + "]" + (params.isEmpty() ? "" : " " + params);
    }
}
