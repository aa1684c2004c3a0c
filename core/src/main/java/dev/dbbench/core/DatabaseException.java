package dev.dbbench.core;

import java.sql.SQLException;

/**
 * The one unchecked exception for database failures. It keeps the SQLState of the driver's
 * exception and says what was being done, e.g. {@code "transfer 12 -> 40 failed after 3 attempts
 * (40P01 deadlock detected)"}.
 */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public DatabaseException(String message) {
        this(message, null, null);
    }

    /** Wraps a driver failure: {@code "<doing> failed (<sqlstate> <driver message>)"}. */
    public static DatabaseException of(String doing, SQLException e) {
        return new DatabaseException(doing + " failed (" + describe(e) + ")", e.getSQLState(), e);
    }

    /** {@code "23505 duplicate key value ..."}: the SQLState first, then the first line of the message. */
    public static String describe(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return e.getSQLState() == null ? text : e.getSQLState() + " " + text;
    }

    /** The SQLState of the failure, or null when none was given (e.g. a business rule). */
    public String sqlState() {
        return sqlState;
    }
}
