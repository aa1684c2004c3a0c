package dev.dbbench.core.async;

import java.util.Objects;

/** One row of the guide's grouped query: a metric name and the average of its values. */
public record MetricAverage(String name, double avgValue) {
    public MetricAverage {
        Objects.requireNonNull(name, "name");
    }
}
