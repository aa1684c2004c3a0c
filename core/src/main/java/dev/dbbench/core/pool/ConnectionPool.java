package dev.dbbench.core.pool;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.SqlFunction;
import dev.dbbench.core.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A started connection pool of any {@link PoolKind}, built by {@link ConnectionPools}. Borrow with
 * {@link #borrow()} (close the connection to return it) or with the scopes {@link #withConnection}
 * and {@link #inTransaction}, which always return it.
 */
public final class ConnectionPool implements AutoCloseable {
    private final PoolKind kind;
    private final PoolSettings settings;
    private final DataSource pooled;
    private final Supplier<PoolStatus> status;
    private final Predicate<SQLException> isBorrowTimeout;
    private final Map<String, String> effectiveSettings;
    private final AutoCloseable closer;

    ConnectionPool(PoolKind kind, PoolSettings settings, DataSource pooled, Supplier<PoolStatus> status,
                   Predicate<SQLException> isBorrowTimeout, Map<String, String> effectiveSettings, AutoCloseable closer) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pooled = Objects.requireNonNull(pooled, "pooled");
        this.status = Objects.requireNonNull(status, "status");
        this.isBorrowTimeout = Objects.requireNonNull(isBorrowTimeout, "isBorrowTimeout");
        this.effectiveSettings = Collections.unmodifiableMap(new TreeMap<>(effectiveSettings));
        this.closer = Objects.requireNonNull(closer, "closer");
    }

    public PoolKind kind() {
        return kind;
    }

    /** The settings the pool was built from (for a pool with library defaults: its size and borrow timeout). */
    public PoolSettings settings() {
        return settings;
    }

    /**
     * A connection from the pool; closing it returns it. A borrow that waits longer than
     * {@code borrowTimeout} fails with a message naming the pool, the wait and the pool's status:
     * {@code [hikari] connection not available after 250 ms (total=4, active=4, idle=0, waiting=3)}.
     *
     * @throws DatabaseException when no connection became available in time or one could not be opened
     */
    public Connection borrow() {
        long start = System.nanoTime();
        try {
            return pooled.getConnection();
        } catch (SQLException e) {
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            if (isBorrowTimeout.test(e)) {
                throw new DatabaseException(timeoutMessage(waitedMillis, e), e.getSQLState(), e);
            }
            throw DatabaseException.of("[" + kind.label() + "] borrow connection", e);
        }
    }

    private String timeoutMessage(long waitedMillis, SQLException e) {
        String message = "[" + kind.label() + "] connection not available after " + waitedMillis + " ms (" + status() + "):"
                + " raise maximumSize (" + settings.maximumSize() + ") or borrowTimeout (" + settings.borrowTimeout().toMillis()
                + " ms), or return connections sooner";
        // HikariCP also times out when it cannot open connections; its cause says why.
        if (e.getCause() instanceof SQLException openFailure) {
            message += "; last failure to open one: " + DatabaseException.describe(openFailure);
        }
        return message;
    }

    /** Runs {@code work} on a borrowed connection and returns it. */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection c = borrow()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + kind.label() + "] statement", e);
        }
    }

    /** Runs {@code work} in one transaction on a borrowed connection (see {@link Transactions#run}) and returns it. */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection c = borrow()) {
            return Transactions.run(c, work);
        } catch (SQLException e) {
            throw DatabaseException.of("[" + kind.label() + "] transaction", e);
        }
    }

    /**
     * The pool itself as a {@link DataSource}, e.g. for a migration library. Its
     * {@code getConnection} throws the pool's own exceptions; prefer {@link #borrow()}.
     */
    public DataSource dataSource() {
        return pooled;
    }

    /** Connections now open, idle, in use, and threads waiting, as the pool counts them. */
    public PoolStatus status() {
        return status.get();
    }

    /**
     * The pool's own properties as it reports them after start (after any adjustment it made), by
     * the pool's own property names: what the results record so that "equal settings" can be checked.
     * Never holds a password.
     */
    public Map<String, String> effectiveSettings() {
        return effectiveSettings;
    }

    /** Closes every pooled connection; borrowed ones are closed when returned. */
    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new DatabaseException("[" + kind.label() + "] close pool failed: " + e.getMessage(), null, e);
        }
    }

    @Override
    public String toString() {
        return kind.label() + " (" + status() + ")";
    }
}
