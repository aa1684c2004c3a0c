package dev.dbbench.core;

import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.sqlite.SqliteSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Static factories for the databases the suite uses. */
public final class Databases {
    private Databases() {}

    /** A SQLite file database with the guide's session settings: WAL and foreign keys on. */
    public static Database sqlite(Path file) {
        return sqlite(file, SqliteSettings.guide());
    }

    /** A SQLite file database whose every connection gets {@code settings}. */
    public static Database sqlite(Path file, SqliteSettings settings) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        return new Database(Dialect.SQLITE, "sqlite:" + file.toAbsolutePath(), sqliteDataSource(url, settings), null);
    }

    /**
     * A private in-memory SQLite database. Every connection sees the same data (shared cache);
     * the database lives until {@link Database#close()}.
     */
    public static Database sqliteInMemory() {
        return sqliteInMemory(SqliteSettings.guide().withJournalMode(SqliteSettings.JournalMode.MEMORY));
    }

    /** {@link #sqliteInMemory()} with explicit session settings. */
    public static Database sqliteInMemory(SqliteSettings settings) {
        String name = "mem-" + UUID.randomUUID();
        String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
        SQLiteDataSource dataSource = sqliteDataSource(url, settings);
        Connection keeper;
        try {
            keeper = dataSource.getConnection();
        } catch (SQLException e) {
            throw DatabaseException.of("[sqlite] open in-memory database", e);
        }
        return new Database(Dialect.SQLITE, "sqlite::memory:" + name, dataSource, keeper);
    }

    /** A PostgreSQL database reached through {@code endpoint}; connections are opened per call. */
    public static Database postgres(PgEndpoint endpoint) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(endpoint.jdbcUrl());
        dataSource.setUser(endpoint.user());
        dataSource.setPassword(endpoint.password());
        return new Database(Dialect.POSTGRES, endpoint.toString(), dataSource, null);
    }

    private static SQLiteDataSource sqliteDataSource(String url, SqliteSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(settings.journalMode().pragmaValue());
        config.setSynchronous(settings.synchronous().pragmaValue());
        config.enforceForeignKeys(settings.foreignKeys());
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }
}
