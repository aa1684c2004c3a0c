package dev.dbbench.core.async;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.FirstLine;
import dev.dbbench.core.provision.PgEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * PostgreSQL through the Vert.x reactive client, the Java counterpart of the guide's asyncpg pool:
 * non-blocking I/O on Vert.x event loops, results handed back as {@link CompletableFuture}s.
 *
 * <p>Each instance owns its {@link Vertx} and its connection pool; {@link #close()} closes both and
 * waits until the event-loop threads are gone. With pipelining on ({@link AsyncPgSettings#pipelined()})
 * the pool lends one connection to several statements at once (Vert.x's pipelined client,
 * {@code PgBuilder.client()}); with it off every statement has a connection to itself
 * ({@code PgBuilder.pool()}), as in asyncpg.
 *
 * <p>Futures complete on an event loop: dependent stages attached without an executor run there
 * and must not block. SQL errors fail the future with a {@link DatabaseException} that keeps the
 * server's SQLState; connection failures with one whose SQLState is null.
 */
public final class AsyncPg implements AutoCloseable {
    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final String description;
    private final AsyncPgSettings settings;
    private final Vertx vertx;
    private final SqlClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AsyncPg(String description, AsyncPgSettings settings, Vertx vertx, SqlClient client) {
        this.description = description;
        this.settings = settings;
        this.vertx = vertx;
        this.client = client;
    }

    /**
     * A client for {@code endpoint}. Connections are opened on first use, so a wrong password or an
     * unreachable server shows as the first operation's failure.
     */
    public static AsyncPg connect(PgEndpoint endpoint, AsyncPgSettings settings) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(settings, "settings");
        PgConnectOptions options = connectOptions(endpoint, settings);
        PoolOptions poolOptions = new PoolOptions().setMaxSize(settings.poolSize());
        Vertx vertx = Vertx.vertx();
        SqlClient client;
        try {
            client = settings.pipelined()
                    ? PgBuilder.client().with(poolOptions).connectingTo(options).using(vertx).build()
                    : PgBuilder.pool().with(poolOptions).connectingTo(options).using(vertx).build();
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        return new AsyncPg("vertx-pg " + endpoint, settings, vertx, client);
    }

    /**
     * The Vert.x connect options for {@code endpoint}: host, port, database, user and password from
     * it; the JDBC URL parameters {@code user}, {@code password}, {@code currentSchema} (sent as
     * {@code search_path}) and {@code ApplicationName} (as {@code application_name}) carried over. Other parameters have no
     * counterpart here and are refused rather than silently dropped.
     */
    static PgConnectOptions connectOptions(PgEndpoint endpoint, AsyncPgSettings settings) {
        URI uri = URI.create("postgresql://" + endpoint.jdbcUrl().substring(JDBC_PREFIX.length()));
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() < 0 ? PgConnectOptions.DEFAULT_PORT : uri.getPort())
                .setDatabase(endpoint.database())
                .setUser(endpoint.user())
                .setPassword(endpoint.password())
                .setPipeliningLimit(settings.pipeliningLimit())
                // Statements are parsed once per connection and then only bound and executed, as
                // pgjdbc does after prepareThreshold uses and asyncpg does by default.
                .setCachePreparedStatements(true);
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (name) {
                // pgjdbc lets user and password in the URL win over the ones given beside it; so do we.
                case "user" -> options.setUser(value);
                case "password" -> options.setPassword(value);
                case "currentSchema" -> options.addProperty("search_path", value);
                case "ApplicationName" -> options.addProperty("application_name", value);
                case "sslmode" -> {
                    if (!value.equals("disable")) {
                        throw unsupported(endpoint, name + "=" + value);
                    }
                }
                default -> throw unsupported(endpoint, name);
            }
        }
        return options;
    }

    private static IllegalArgumentException unsupported(PgEndpoint endpoint, String parameter) {
        return new IllegalArgumentException("[vertx-pg] JDBC URL parameter \"" + parameter + "\" in " + endpoint
                + " has no Vert.x equivalent here (supported: user, password, currentSchema, ApplicationName, sslmode=disable)."
                + " Remove it from the URL (--pg-url / DBBENCH_PG_URL)");
    }

    public AsyncPgSettings settings() {
        return settings;
    }

    /** The guide's {@code CREATE TABLE IF NOT EXISTS metrics}. */
    public CompletableFuture<Void> createMetricsTable() {
        return run("create table metrics", () -> client.query(Metrics.CREATE_TABLE).execute(), rows -> null);
    }

    /** {@code INSERT ... RETURNING id, recorded_at} for one metric. */
    public CompletableFuture<InsertedMetric> insertMetric(String name, double value) {
        return run("insert metric", () -> client.preparedQuery(Metrics.INSERT_RETURNING).execute(Tuple.of(name, value)), rows -> {
            Row row = rows.iterator().next();
            return new InsertedMetric(row.getLong(0), instant(row.getOffsetDateTime(1)));
        });
    }

    /**
     * Inserts all {@code samples} with one batch (asyncpg's {@code executemany}): one round trip,
     * one implicit transaction, so all rows or none. Completes with the number of rows inserted.
     */
    public CompletableFuture<Integer> insertMetrics(List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return checkOpen("insert 0 metrics").thenApply(nothing -> 0);
        }
        List<Tuple> batch = new ArrayList<>(samples.size());
        for (MetricSample sample : samples) {
            batch.add(Tuple.of(sample.name(), sample.value()));
        }
        return run("insert " + samples.size() + " metrics", () -> client.preparedQuery(Metrics.INSERT).executeBatch(batch), rows -> {
            int inserted = 0;
            for (RowSet<Row> r = rows; r != null; r = r.next()) {
                inserted += r.rowCount();
            }
            return inserted;
        });
    }

    /** The guide's grouped query: the {@code limit} names with the highest average value (it uses 10). */
    public CompletableFuture<List<MetricAverage>> topAverages(int limit) {
        Metrics.checkLimit(limit);
        return run("select top " + limit + " averages", () -> client.preparedQuery(Metrics.TOP_AVERAGES).execute(Tuple.of((long) limit)), rows -> {
            List<MetricAverage> result = new ArrayList<>(rows.size());
            for (Row row : rows) {
                result.add(new MetricAverage(row.getString(0), row.getDouble(1)));
            }
            return result;
        });
    }

    /** A point select by primary key. */
    public CompletableFuture<Optional<Metric>> metricById(long id) {
        return run("select metric " + id, () -> client.preparedQuery(Metrics.BY_ID).execute(Tuple.of(id)), rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Metric(row.getLong(0), row.getString(1), row.getDouble(2), instant(row.getOffsetDateTime(3))));
        });
    }

    /**
     * Closes the pool, then the Vert.x instance, and waits (up to 30 s each) until both are done,
     * so no event-loop thread outlives this call. Calls made afterwards fail at once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            await("close the pool", client.close());
        } finally {
            await("close Vert.x", vertx.close());
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Starts {@code operation} unless closed, and completes the result on the event loop when it is done. */
    private <R, T> CompletableFuture<T> run(String doing, Supplier<Future<R>> operation, Function<R, T> mapping) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed.get()) {
            result.completeExceptionally(closedFailure(doing));
            return result;
        }
        Future<R> started;
        try {
            started = operation.get();
        } catch (RuntimeException e) {
            // Vert.x refuses synchronously when it is closed by another thread meanwhile.
            result.completeExceptionally(closed.get() ? closedFailure(doing) : e);
            return result;
        }
        started.onComplete(outcome -> {
            if (outcome.failed()) {
                result.completeExceptionally(failure(doing, outcome.cause()));
                return;
            }
            try {
                result.complete(mapping.apply(outcome.result()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private CompletableFuture<Void> checkOpen(String doing) {
        return closed.get() ? CompletableFuture.failedFuture(closedFailure(doing)) : CompletableFuture.completedFuture(null);
    }

    private IllegalStateException closedFailure(String doing) {
        return new IllegalStateException("[" + description + "] " + doing + " refused: this AsyncPg is closed. Connect a new one with AsyncPg.connect(endpoint, settings)");
    }

    private DatabaseException failure(String doing, Throwable cause) {
        if (cause instanceof io.vertx.pgclient.PgException pg) {
            return new DatabaseException("[" + description + "] " + doing + " failed (" + pg.getSqlState() + " " + FirstLine.of(pg.getErrorMessage()) + ")",
                    pg.getSqlState(), pg);
        }
        if (cause instanceof io.vertx.sqlclient.DatabaseException db) {
            return new DatabaseException("[" + description + "] " + doing + " failed (" + db.getSqlState() + " " + FirstLine.of(db.getMessage()) + ")",
                    db.getSqlState(), db);
        }
        return new DatabaseException("[" + description + "] " + doing + " failed (" + cause.getClass().getSimpleName() + ": " + FirstLine.of(cause.getMessage()) + ")",
                null, cause);
    }

    private void await(String doing, Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("[" + description + "] " + doing + ": interrupted while waiting", null, e);
        } catch (ExecutionException e) {
            throw failure(doing, e.getCause());
        } catch (TimeoutException e) {
            throw new DatabaseException("[" + description + "] " + doing + ": not done after " + CLOSE_WAIT_SECONDS + " s", null, e);
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
