package dev.dbbench.report;

import java.util.Map;

/**
 * One variant in a group: its primary metric converted to the group's unit, its speed-up over the
 * group's baseline, and the secondary metrics as JMH reported them.
 */
public record Row(String variant, BenchmarkResult result, Metric metric, SpeedUp speedUp) {
    public Map<String, Metric> secondary() {
        return result.secondary();
    }
}
