package dev.dbbench.bench.postgres.async;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.async.AsyncPg;
import dev.dbbench.core.async.AsyncPgSettings;
import dev.dbbench.core.async.Metrics;
import dev.dbbench.core.provision.PgEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Is an async PostgreSQL client faster than blocking JDBC for concurrent requests? The Java answer
 * to the guide's "asyncpg is 2-5x faster for async workloads": the Vert.x reactive client, with
 * pipelining off ({@code async}, one statement per connection at a time, as asyncpg) and on
 * ({@code asyncPipelined}, several statements in flight per connection), against pgjdbc over a
 * HikariCP pool ({@code jdbc}, the baseline). Both pools hold at most {@value #CONNECTIONS}
 * connections, the guide's {@code max_size}. The pipelined client fills a connection up to its
 * pipelining limit (256) before it opens another, so there all requests of a wave share one
 * connection and one server backend; the other two spread a wave over up to 20.
 *
 * <p>Measured: one wave of {@code inFlight} requests, issued together and all completed: point
 * selects by primary key of the guide's {@code metrics} table (10,000 rows), or single-row
 * {@code INSERT ... RETURNING id, recorded_at} in auto-commit. The benchmark thread starts the
 * wave and waits for every result on both sides: the async side calls the client {@code inFlight}
 * times and joins the futures; the JDBC side hands {@code inFlight} tasks to an executor of
 * {@code inFlight} threads (the thread per request a blocking server uses), each borrowing a
 * pooled connection, and joins their futures. So both sides run the same statements, the same
 * number at once, with results handed back to the same thread; the cost of the blocking model
 * (a thread parked per request, woken per answer) is part of what is measured, because it is
 * what an async client avoids. Statements are server-prepared once per connection on both sides
 * (pgjdbc after 5 uses, Vert.x with its statement cache on).
 * Excluded: creating and filling the table, opening the pools and threads, and one unmeasured wave
 * per side that opens the connections it needs and runs its code once (per trial; Vert.x opens
 * connections on demand, HikariCP when the pool starts, and a profile without warm-up would
 * otherwise time Vert.x's first connects and class loading); the inserts
 * are emptied out before every iteration ({@code TRUNCATE ... RESTART IDENTITY}) so every
 * iteration inserts into the same empty table.
 *
 * <p>Expected: at 1 in flight all three within tens of percent (one round trip either way; JDBC
 * adds a thread hand-off, Vert.x an event-loop hop). With more in flight, JDBC pays for a thread
 * per request and Vert.x does not, so async should pull ahead; on a 2-core machine the client
 * threads, event loops and server backends compete for the same cores, which favours the side
 * with fewer threads awake. Pipelining should win point selects at 16 and 64 in flight: one
 * backend answers a stream of statements without waiting for a round trip between them and
 * without the context switches of 20 backends. Inserts narrow every gap, because each one also
 * writes WAL and commits on the server. A 2-5x gap from the client alone is not expected.
 *
 * <p>Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms) at 1 and 64 requests in flight,
 * about 67 s for its 12 combinations (the quick run of 2026-12-03 took 101 s for 18 with 16 in
 * flight as well; -p inFlight=1,16,64 adds it back; the whole quick plan is in
 * docs/quick-budget.md). One in flight and 64 are the two ends the guide's claim is about (no
 * concurrency, and many requests against its pool of 20). Two forks because the report's interval
 * treats the fork as the unit and gives no verdict from one; operations of microseconds to about
 * a millisecond, so an iteration of 0.2 s holds hundreds to thousands of them and the time goes to
 * a second fork instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
@OnDatabase(Dialect.POSTGRES)
public class PgAsyncVsJdbcBenchmark {
    /** The guide's asyncpg pool: {@code max_size=20}. Both sides get the same number. */
    static final int CONNECTIONS = 20;
    /** Rows the point selects read from. */
    static final int ROWS = 10_000;

    /** What each request of a wave does. */
    public enum Request {
        /** {@code SELECT ... FROM metrics WHERE id = $1}. */
        POINT_SELECT,
        /** {@code INSERT INTO metrics ... RETURNING id, recorded_at}, committed. */
        INSERT
    }

    @Param
    public Request request;

    @Param({"1", "64"})
    public int inFlight;

    private PgEndpoint endpoint;
    private DatabaseTarget target;
    private Database db;
    /** Where the next wave starts: request k of a wave uses row (next + k) % ROWS + 1, or value next + k. */
    private long next;

    @Setup(Level.Trial)
    public void createData() {
        target = DatabaseTarget.of(getClass());
        endpoint = target.endpoint();
        db = target.database();
        db.useTransaction(c -> {
            Metrics.createTable(c);
            if (request == Request.POINT_SELECT) {
                Metrics.insertBatch(c, Metrics.guideSamples(ROWS));
            }
        });
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE metrics");
            }
        });
    }

    @Setup(Level.Iteration)
    public void resetIteration() {
        next = 0;
        if (request == Request.INSERT) {
            db.useConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE metrics RESTART IDENTITY");
                }
            });
        }
    }

    @TearDown(Level.Trial)
    public void dropData() {
        target.close();
    }

    /** Blocking JDBC: a HikariCP pool and one thread per request in flight. */
    @State(Scope.Benchmark)
    public static class JdbcSide {
        HikariDataSource pool;
        ExecutorService threads;

        @Setup(Level.Trial)
        public void open(PgAsyncVsJdbcBenchmark bench) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("async-vs-jdbc");
            config.setJdbcUrl(bench.endpoint.jdbcUrl());
            config.setUsername(bench.endpoint.user());
            config.setPassword(bench.endpoint.password());
            config.setMaximumPoolSize(CONNECTIONS);
            pool = new HikariDataSource(config);
            threads = Executors.newFixedThreadPool(bench.inFlight, task -> {
                Thread t = new Thread(task, "jdbc-request");
                t.setDaemon(true);
                return t;
            });
            bench.jdbc(this);
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            pool.close();
        }
    }

    /** The Vert.x client with one statement per connection at a time. */
    @State(Scope.Benchmark)
    public static class AsyncSide {
        AsyncPg pg;

        @Setup(Level.Trial)
        public void open(PgAsyncVsJdbcBenchmark bench) {
            pg = AsyncPg.connect(bench.endpoint, new AsyncPgSettings(CONNECTIONS, 1));
            bench.async(this);
        }

        @TearDown(Level.Trial)
        public void close() {
            pg.close();
        }
    }

    /** The Vert.x client with pipelining at its default limit. */
    @State(Scope.Benchmark)
    public static class PipelinedSide {
        AsyncPg pg;

        @Setup(Level.Trial)
        public void open(PgAsyncVsJdbcBenchmark bench) {
            pg = AsyncPg.connect(bench.endpoint, new AsyncPgSettings(CONNECTIONS, AsyncPgSettings.DEFAULT_PIPELINING_LIMIT));
            bench.asyncPipelined(this);
        }

        @TearDown(Level.Trial)
        public void close() {
            pg.close();
        }
    }

    @Benchmark
    public List<Object> jdbc(JdbcSide side) {
        List<CompletableFuture<Object>> wave = new ArrayList<>(inFlight);
        for (int k = 0; k < inFlight; k++) {
            long n = next + k;
            wave.add(CompletableFuture.supplyAsync(() -> jdbcRequest(side.pool, n), side.threads));
        }
        next += inFlight;
        return joinAll(wave);
    }

    @Benchmark
    public List<Object> async(AsyncSide side) {
        return asyncWave(side.pg);
    }

    @Benchmark
    public List<Object> asyncPipelined(PipelinedSide side) {
        return asyncWave(side.pg);
    }

    private List<Object> asyncWave(AsyncPg pg) {
        List<CompletableFuture<?>> wave = new ArrayList<>(inFlight);
        for (int k = 0; k < inFlight; k++) {
            long n = next + k;
            wave.add(request == Request.POINT_SELECT ? pg.metricById(rowId(n)) : pg.insertMetric(name(n), n));
        }
        next += inFlight;
        return joinAll(wave);
    }

    private Object jdbcRequest(HikariDataSource pool, long n) {
        try (Connection c = pool.getConnection()) {
            return request == Request.POINT_SELECT ? Metrics.byId(c, rowId(n)) : Metrics.insert(c, name(n), n);
        } catch (SQLException e) {
            throw DatabaseException.of("[jdbc " + endpoint + "] " + request + " #" + n, e);
        }
    }

    private static List<Object> joinAll(List<? extends CompletableFuture<?>> wave) {
        List<Object> results = new ArrayList<>(wave.size());
        for (CompletableFuture<?> f : wave) {
            results.add(f.join());
        }
        return results;
    }

    private static long rowId(long n) {
        return n % ROWS + 1;
    }

    /** 100 names, as a service reports a fixed set of metrics. */
    private static String name(long n) {
        return "metric_" + n % 100;
    }

    /** The benchmark's database, for tests. */
    PgEndpoint endpoint() {
        return endpoint;
    }
}
