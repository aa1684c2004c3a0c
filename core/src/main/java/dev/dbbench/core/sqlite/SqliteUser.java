package dev.dbbench.core.sqlite;

import java.time.Instant;

/**
 * A row of the guide's {@code users} table, read back by column name rather than as a raw row.
 *
 * @param createdAt when the row was inserted, UTC (SQLite's CURRENT_TIMESTAMP has whole seconds)
 * @param active    {@code is_active}, stored by SQLite as the integer 0 or 1
 */
public record SqliteUser(long id, String email, String name, Instant createdAt, boolean active) {}
