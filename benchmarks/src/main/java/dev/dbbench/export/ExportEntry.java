package dev.dbbench.export;

import java.util.OptionalDouble;

/**
 * One measure of one benchmark x parameters, ready for a tool that tracks benchmarks over time.
 *
 * @param name the benchmark with its parameters, unique within the run
 * @param measure what is measured, as a short name ({@code latency}, {@code throughput}, {@code allocation})
 * @param unit the unit of {@code value} and its bounds
 * @param biggerIsBetter true for throughput, false for time and allocation per operation
 * @param value a finite number
 * @param lower the lower bound of JMH's 99.9% interval (cut at zero), empty when JMH gave none (one fork of one iteration, single-shot)
 * @param upper the upper bound of that interval, empty when JMH gave none
 * @param error the interval's half-width, empty when JMH gave none
 * @param detail how the value was measured, for people (mode, forks, iterations)
 */
public record ExportEntry(String name, String measure, String unit, boolean biggerIsBetter, double value,
                          OptionalDouble lower, OptionalDouble upper, OptionalDouble error, String detail) {
    public ExportEntry {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " " + measure + ": value must be a finite number, was " + value);
        }
    }
}
