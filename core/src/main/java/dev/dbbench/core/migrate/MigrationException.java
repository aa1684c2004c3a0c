package dev.dbbench.core.migrate;

import dev.dbbench.core.DatabaseException;

/** A migration that could not be run; the message says which revision failed and where the database stands. */
public final class MigrationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
