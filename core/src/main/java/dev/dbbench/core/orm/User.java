package dev.dbbench.core.orm;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code users}.
 *
 * @param createdAt when the user registered, to the microsecond (PostgreSQL's timestamp precision)
 */
public record User(long id, String email, String name, boolean active, Instant createdAt) {
    public User {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
