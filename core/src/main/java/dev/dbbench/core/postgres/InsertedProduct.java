package dev.dbbench.core.postgres;

import java.time.OffsetDateTime;

/** What {@code INSERT ... RETURNING id, created_at} gives back. */
public record InsertedProduct(long id, OffsetDateTime createdAt) {}
