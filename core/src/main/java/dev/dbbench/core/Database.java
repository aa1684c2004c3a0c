package dev.dbbench.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database the suite talks to: a source of connections with the session settings already
 * applied, and the scopes that make sure every connection is closed.
 *
 * <p>Instances come from {@link Databases}. Closing releases whatever keeps the database alive
 * (an in-memory SQLite database lives while one connection stays open); it never drops data.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final String description;
    private final DataSource dataSource;
    private final AutoCloseable onClose;

    Database(Dialect dialect, String description, DataSource dataSource, AutoCloseable onClose) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.description = Objects.requireNonNull(description, "description");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.onClose = onClose;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the database is, never with a password: {@code sqlite:/tmp/x/app.db}. */
    public String description() {
        return description;
    }

    /** The connections as a {@link DataSource}, e.g. to hand to a pool or a migration library. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw DatabaseException.of("[" + description + "] open connection", e);
        }
    }

    /** Runs {@code work} on a new auto-commit connection and closes it. */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection c = open()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + description + "] statement", e);
        }
    }

    /** {@link #withConnection(SqlFunction)} for work that returns nothing. */
    public void useConnection(SqlConsumer work) {
        withConnection(c -> {
            work.accept(c);
            return null;
        });
    }

    /**
     * A transactional scope: runs {@code work} with auto-commit off, commits when it returns,
     * rolls back when it throws anything, and always closes the connection.
     */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection c = open()) {
            return Transactions.run(c, work);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + description + "] transaction", e);
        }
    }

    /**
     * {@link #inTransaction(SqlFunction)} for work that returns nothing. A name of its own, not an
     * overload: a lambda such as {@code c -> repo.create(c, ...)} fits both shapes and would be ambiguous.
     */
    public void useTransaction(SqlConsumer work) {
        inTransaction(c -> {
            work.accept(c);
            return null;
        });
    }

    @Override
    public void close() {
        if (onClose == null) {
            return;
        }
        try {
            onClose.close();
        } catch (Exception e) {
            throw new DatabaseException("[" + description + "] close failed: " + e.getMessage(), null, e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
