package dev.dbbench.core.sqlite;

import java.util.Objects;

/**
 * A user to insert: the guide's {@code {"email": ..., "name": ...}} dictionary with named fields,
 * so a swapped pair is a compile error rather than a silently wrong row.
 */
public record NewUser(String email, String name) {

    public NewUser {
        Objects.requireNonNull(email, "email (users.email is NOT NULL)");
        Objects.requireNonNull(name, "name (users.name is NOT NULL)");
    }
}
