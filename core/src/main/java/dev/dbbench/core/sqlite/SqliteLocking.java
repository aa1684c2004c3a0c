package dev.dbbench.core.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;

/** Recognising SQLite's lock contention, which a caller may count and retry rather than fail on. */
public final class SqliteLocking {
    private SqliteLocking() {}

    /**
     * True when {@code e}, or any cause of it, is SQLITE_BUSY (including its extended codes such as
     * SQLITE_BUSY_SNAPSHOT): another connection held a lock longer than this one's busy_timeout.
     */
    public static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The low byte is the primary result code; the driver may report an extended one.
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xFF) == SQLiteErrorCode.SQLITE_BUSY.code) {
                return true;
            }
        }
        return false;
    }
}
