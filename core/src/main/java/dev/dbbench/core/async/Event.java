package dev.dbbench.core.async;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the guide's SQLite {@code events} table.
 *
 * @param id        INTEGER PRIMARY KEY (SQLite's rowid)
 * @param type      what happened, e.g. {@code login}
 * @param data      free text (the guide stores JSON), may be null
 * @param createdAt {@code CURRENT_TIMESTAMP} at insert: UTC, whole seconds
 */
public record Event(long id, String type, String data, Instant createdAt) {
    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
