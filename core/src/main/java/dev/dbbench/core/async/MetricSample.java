package dev.dbbench.core.async;

/**
 * A metric to insert: the guide's {@code (name, value)} tuple. The name may be null only to show
 * that the table refuses it (NOT NULL).
 */
public record MetricSample(String name, double value) {}
