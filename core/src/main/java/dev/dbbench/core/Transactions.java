package dev.dbbench.core;

import java.sql.Connection;
import java.sql.SQLException;

/** Transaction scopes on a connection the caller owns (for pooled or long-lived connections). */
public final class Transactions {
    private Transactions() {}

    /**
     * Runs {@code work} in one transaction on {@code c}: auto-commit off, commit on return,
     * roll back on any exception (the original is rethrown, a failed rollback added as suppressed),
     * and the connection's auto-commit mode restored. Does not close {@code c}.
     */
    public static <T> T run(Connection c, SqlFunction<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (Throwable t) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                t.addSuppressed(rollbackFailure);
            }
            throw t;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
