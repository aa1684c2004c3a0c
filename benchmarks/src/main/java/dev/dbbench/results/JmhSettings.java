package dev.dbbench.results;

/**
 * The settings JMH records with each result: how many forks and iterations ran and how long an
 * iteration lasted, as JMH writes them ({@code "1 s"}, {@code "500 ms"}; empty when it wrote none).
 * Two results are comparable only when these agree; the next run's time estimate is derived from them.
 */
public record JmhSettings(int forks, int warmupForks, int warmupIterations, String warmupTime,
                          int measurementIterations, String measurementTime,
                          int warmupBatchSize, int measurementBatchSize) {
    /** For a result made in code rather than read from JMH's JSON. */
    public static final JmhSettings UNKNOWN = new JmhSettings(0, 0, 0, "", 0, "", 0, 0);
}
