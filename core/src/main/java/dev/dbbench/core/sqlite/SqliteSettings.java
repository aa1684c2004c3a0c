package dev.dbbench.core.sqlite;

import java.time.Duration;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * Session settings applied to every SQLite connection.
 *
 * @param journalMode   PRAGMA journal_mode
 * @param synchronous   PRAGMA synchronous
 * @param foreignKeys   PRAGMA foreign_keys (off by default in SQLite, on in the guide)
 * @param busyTimeout   how long a connection waits for a lock held by another before SQLITE_BUSY
 */
public record SqliteSettings(JournalMode journalMode, Synchronous synchronous, boolean foreignKeys, Duration busyTimeout) {

    public SqliteSettings {
        Objects.requireNonNull(journalMode, "journalMode");
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms, was " + busyTimeout.toMillis() + " ms");
        }
    }

    /** The guide's get_db(): WAL, foreign keys on; synchronous left at SQLite's default (FULL). */
    public static SqliteSettings guide() {
        return new SqliteSettings(JournalMode.WAL, Synchronous.FULL, true, Duration.ofSeconds(30));
    }

    public SqliteSettings withJournalMode(JournalMode mode) {
        return new SqliteSettings(mode, synchronous, foreignKeys, busyTimeout);
    }

    public SqliteSettings withSynchronous(Synchronous sync) {
        return new SqliteSettings(journalMode, sync, foreignKeys, busyTimeout);
    }

    public SqliteSettings withForeignKeys(boolean on) {
        return new SqliteSettings(journalMode, synchronous, on, busyTimeout);
    }

    public SqliteSettings withBusyTimeout(Duration timeout) {
        return new SqliteSettings(journalMode, synchronous, foreignKeys, timeout);
    }

    /** PRAGMA journal_mode values the suite compares. */
    public enum JournalMode {
        DELETE(SQLiteConfig.JournalMode.DELETE),
        TRUNCATE(SQLiteConfig.JournalMode.TRUNCATE),
        WAL(SQLiteConfig.JournalMode.WAL),
        MEMORY(SQLiteConfig.JournalMode.MEMORY);

        private final SQLiteConfig.JournalMode pragma;

        JournalMode(SQLiteConfig.JournalMode pragma) {
            this.pragma = pragma;
        }

        public SQLiteConfig.JournalMode pragmaValue() {
            return pragma;
        }
    }

    /** PRAGMA synchronous values the suite compares. */
    public enum Synchronous {
        OFF(SQLiteConfig.SynchronousMode.OFF),
        NORMAL(SQLiteConfig.SynchronousMode.NORMAL),
        FULL(SQLiteConfig.SynchronousMode.FULL);

        private final SQLiteConfig.SynchronousMode pragma;

        Synchronous(SQLiteConfig.SynchronousMode pragma) {
            this.pragma = pragma;
        }

        public SQLiteConfig.SynchronousMode pragmaValue() {
            return pragma;
        }
    }
}
