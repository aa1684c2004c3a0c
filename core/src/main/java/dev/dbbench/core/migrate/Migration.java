package dev.dbbench.core.migrate;

import java.time.Instant;
import java.util.Objects;

/**
 * One applied revision, as {@code alembic history} lists it.
 *
 * @param id          the changeset id, e.g. {@code 001-add-users}
 * @param description the changeset's comment, e.g. "Add users table and email index"
 * @param appliedAt   when it was applied (the database's clock)
 */
public record Migration(String id, String description, Instant appliedAt) {
    public Migration {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(appliedAt, "appliedAt");
    }
}
