package dev.dbbench.core.async;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.SqlFunction;
import dev.dbbench.core.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQLite behind {@link CompletableFuture}s, the way aiosqlite does it: one worker thread owns one
 * connection and runs every call in the order it was submitted; callers never block on SQLite.
 *
 * <p>Like Python's sqlite3 connection under aiosqlite, writes open a transaction that stays open
 * until {@link #commit()}, and everyone sharing this instance shares it; reads made while no write
 * is pending end their transaction at once, so they see what other connections have committed
 * (sqlite3 opens no transaction for a SELECT). Use {@link #inTransaction(String, SqlFunction)} for
 * work that must commit or roll back as one unit. SQLite has no SQLState; a failure's {@link DatabaseException} carries the
 * driver's (null) SQLState and the driver's exception, with its SQLite result code, as cause.
 *
 * <p>Dependent stages attached without an executor run on the worker thread: keep them short, or
 * every later call waits for them.
 */
public final class AsyncSqlite implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final String description;
    private final Connection connection;
    private final ExecutorService worker;
    /** Whether the open transaction holds writes; read and written by the worker thread only. */
    private boolean writesPending;

    private AsyncSqlite(String description, Connection connection, ExecutorService worker) {
        this.description = description;
        this.connection = connection;
        this.worker = worker;
    }

    /** Opens one connection to {@code db} (a SQLite database) and starts its worker thread. */
    public static AsyncSqlite open(Database db) {
        Objects.requireNonNull(db, "db");
        if (db.dialect() != Dialect.SQLITE) {
            throw new IllegalArgumentException("[sqlite-async] needs a SQLite database, got " + db.dialect() + " " + db
                    + ". Use AsyncPg for PostgreSQL");
        }
        Connection connection = db.open();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw DatabaseException.of("[sqlite-async " + db.description() + "] turn auto-commit off", e);
        }
        String name = "dbbench-sqlite-async-" + THREADS.incrementAndGet();
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            // A forgotten close must not keep the JVM alive.
            t.setDaemon(true);
            return t;
        });
        return new AsyncSqlite(db.description(), connection, worker);
    }

    /** The guide's {@code CREATE TABLE IF NOT EXISTS events}, committed at once. */
    public CompletableFuture<Void> createEventsTable() {
        return inTransaction("create table events", c -> {
            Events.createTable(c);
            return null;
        });
    }

    /** Inserts one event in the open transaction and returns its id; {@link #commit()} makes it durable. */
    public CompletableFuture<Long> insertEvent(String type, String data) {
        return call("insert event", c -> Events.insert(c, type, data));
    }

    /** The newest {@code limit} events, newest first, as this connection sees them (its own uncommitted inserts included). */
    public CompletableFuture<List<Event>> latestEvents(int limit) {
        return onWorker("select latest " + limit + " events", c -> {
            List<Event> events = Events.latest(c, limit);
            if (!writesPending) {
                // Ends the read transaction, so the next read takes a fresh snapshot.
                c.commit();
            }
            return events;
        });
    }

    /** Commits the open transaction. */
    public CompletableFuture<Void> commit() {
        return onWorker("commit", c -> {
            c.commit();
            writesPending = false;
            return null;
        });
    }

    /** Rolls the open transaction back. */
    public CompletableFuture<Void> rollback() {
        return onWorker("rollback", c -> {
            c.rollback();
            writesPending = false;
            return null;
        });
    }

    /**
     * Runs {@code work} on the worker's connection as one unit: committed when it returns, rolled
     * back when it throws. Work already pending in the shared transaction is committed with it.
     */
    public <T> CompletableFuture<T> inTransaction(String doing, SqlFunction<T> work) {
        Objects.requireNonNull(work, "work");
        return onWorker(doing, c -> {
            try {
                return Transactions.run(c, work);
            } finally {
                // Committed or rolled back: either way nothing is pending any more.
                writesPending = false;
            }
        });
    }

    /**
     * Runs {@code work} on the worker's connection, as it is (no commit): what it does stays in the
     * open transaction until {@link #commit()} or {@link #rollback()}. The future fails with a
     * {@link DatabaseException} naming {@code doing} when the work throws an {@link SQLException},
     * with the work's own exception otherwise, and with an {@link IllegalStateException} after
     * {@link #close()}.
     */
    public <T> CompletableFuture<T> call(String doing, SqlFunction<T> work) {
        Objects.requireNonNull(work, "work");
        return onWorker(doing, c -> {
            // It may write; reads no longer end the transaction until a commit or rollback.
            writesPending = true;
            return work.apply(c);
        });
    }

    private <T> CompletableFuture<T> onWorker(String doing, SqlFunction<T> work) {
        Objects.requireNonNull(doing, "doing");
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(work.apply(connection));
                } catch (SQLException e) {
                    result.completeExceptionally(DatabaseException.of("[sqlite-async " + description + "] " + doing, e));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("[sqlite-async " + description + "] " + doing
                    + " refused: this AsyncSqlite is closed. Open a new one with AsyncSqlite.open(db)", e));
        }
        return result;
    }

    /**
     * Lets every call already submitted finish, then closes the connection (uncommitted work is
     * discarded, as with sqlite3) and ends the worker thread. Later calls fail at once.
     */
    @Override
    public void close() {
        worker.shutdown();
        boolean finished;
        try {
            finished = worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            worker.shutdownNow();
        }
        // The worker has stopped (or been interrupted), so no other thread uses the connection now.
        try {
            connection.close();
        } catch (SQLException e) {
            throw DatabaseException.of("[sqlite-async " + description + "] close connection", e);
        }
        if (!finished) {
            throw new DatabaseException("[sqlite-async " + description + "] close: calls still running after "
                    + CLOSE_WAIT_SECONDS + " s (or the closing thread was interrupted); the worker was interrupted and the connection closed");
        }
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return worker.isShutdown();
    }

    @Override
    public String toString() {
        return "sqlite-async " + description;
    }

    private static void closeQuietly(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
