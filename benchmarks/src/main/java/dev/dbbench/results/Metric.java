package dev.dbbench.results;

import java.util.List;

/**
 * A JMH metric: its score, JMH's 99.9% error half-width (NaN when JMH could not compute one), its unit
 * and the raw data behind it, one list of iteration samples per fork.
 */
public record Metric(double score, double error, String unit, List<List<Sample>> forks) {
    public Metric {
        forks = forks.stream().filter(f -> !f.isEmpty()).map(List::copyOf).toList();
    }

    /** How many iterations the raw data holds over all forks. */
    public int iterations() {
        return forks.stream().mapToInt(List::size).sum();
    }

    /** Every iteration in order, forks one after the other. */
    public List<Sample> samples() {
        return forks.stream().flatMap(List::stream).toList();
    }

    /** The same metric with every figure multiplied by {@code factor}, written in {@code newUnit}. */
    public Metric scaled(double factor, String newUnit) {
        List<List<Sample>> scaled = forks.stream()
                .map(f -> f.stream().map(s -> s.scaled(factor)).toList())
                .toList();
        return new Metric(score * factor, error * factor, newUnit, scaled);
    }
}
