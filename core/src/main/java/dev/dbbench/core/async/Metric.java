package dev.dbbench.core.async;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the guide's PostgreSQL {@code metrics} table.
 *
 * @param id         SERIAL PRIMARY KEY
 * @param name       what was measured, e.g. {@code cpu_usage}
 * @param value      DOUBLE PRECISION
 * @param recordedAt TIMESTAMPTZ, microsecond precision; null only if a row was written with an explicit NULL
 */
public record Metric(long id, String name, double value, Instant recordedAt) {
    public Metric {
        Objects.requireNonNull(name, "name");
    }
}
