package dev.dbbench.core.async;

import java.time.Instant;

/** What {@code INSERT ... RETURNING id, recorded_at} hands back. */
public record InsertedMetric(long id, Instant recordedAt) {}
