package dev.dbbench.bench.sqlite.async;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.Transactions;
import dev.dbbench.core.async.AsyncSqlite;
import dev.dbbench.core.async.Events;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Does calling SQLite through an aiosqlite-style worker thread cost or gain anything over calling
 * it directly? The guide's section 8 uses aiosqlite so that database calls "prevent blocking";
 * this measures what that indirection costs. {@code direct} (the baseline) runs the guide's event
 * operations on the calling thread; {@code async} submits the same calls to {@link AsyncSqlite}'s
 * one worker thread and waits for their futures.
 *
 * <p>Measured: one wave of {@code inFlight} requests on the guide's {@code events} table in a
 * SQLite file with the guide's settings (WAL, synchronous FULL): either the newest 10 events of
 * 1,000 ({@code LATEST_10}) or one event inserted and committed ({@code INSERT_AND_COMMIT}). The
 * direct side runs the wave's requests one after the other; the async side submits all of them,
 * then joins every future, so the worker can run them back to back. Excluded: creating the file,
 * the table and its 1,000 rows, opening both connections and one unmeasured wave of each variant
 * (per trial); before every iteration
 * the events inserted by the previous one are deleted, so every iteration starts from the same
 * 1,000 rows.
 *
 * <p>Expected: {@code async} slightly slower, never faster. SQLite runs in-process and one
 * connection serialises everything, so the worker adds a hand-off between threads (microseconds)
 * and no parallelism. The gap is widest for one {@code LATEST_10} in flight (a short query, a full
 * hand-off per request), smaller with 16 in flight (the worker drains its queue without sleeping),
 * and lost in the noise for {@code INSERT_AND_COMMIT}, whose WAL sync per commit costs far more
 * than the hand-off. The gain of the worker is the caller's thread staying free, which a
 * throughput benchmark on one thread does not show.
 *
 * <p>Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 23 s for its 8 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.2 s holds hundreds to
 * thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
@OnDatabase(Dialect.SQLITE)
public class SqliteAsyncBenchmark {
    /** Events in the table before every iteration. */
    static final int EVENTS = 1_000;

    /** What each request of a wave does. */
    public enum Request {
        /** The guide's query: {@code ORDER BY created_at DESC LIMIT 10}. */
        LATEST_10,
        /** The guide's insert followed by its commit. */
        INSERT_AND_COMMIT
    }

    @Param
    public Request request;

    @Param({"1", "16"})
    public int inFlight;

    private DatabaseTarget target;
    private Database db;
    private Connection direct;
    private AsyncSqlite async;
    /** Numbers the events a wave inserts, so both variants insert identical rows. */
    private long next;

    @Setup(Level.Trial)
    public void createData() throws SQLException {
        target = DatabaseTarget.of(getClass());
        db = target.database();
        db.useTransaction(c -> {
            Events.createTable(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (type, data) VALUES (?, ?)")) {
                for (int i = 0; i < EVENTS; i++) {
                    ps.setString(1, "seed");
                    ps.setString(2, data(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        // Auto-commit off, as on the worker's connection: both sides commit in the same places.
        direct = db.open();
        direct.setAutoCommit(false);
        async = AsyncSqlite.open(db);
        // One unmeasured wave each, so a profile without warm-up does not time the worker
        // thread's start and the first use of either code path; the iteration reset removes its inserts.
        direct();
        async();
    }

    @Setup(Level.Iteration)
    public void resetIteration() {
        next = 0;
        if (request == Request.INSERT_AND_COMMIT) {
            db.useConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE id > ?")) {
                    ps.setLong(1, EVENTS);
                    ps.executeUpdate();
                }
            });
        }
    }

    @TearDown(Level.Trial)
    public void removeData() throws SQLException {
        try {
            async.close();
            direct.close();
        } finally {
            target.close();
        }
    }

    @Benchmark
    public List<Object> direct() {
        List<Object> results = new ArrayList<>(inFlight);
        for (int k = 0; k < inFlight; k++) {
            long n = next++;
            try {
                // Each request its own transaction, as on the worker: a read ends its snapshot
                // with a commit when no writes are pending, an insert commits.
                results.add(request == Request.LATEST_10
                        ? Transactions.run(direct, c -> Events.latest(c, 10))
                        : Transactions.run(direct, c -> Events.insert(c, "login", data(n))));
            } catch (SQLException e) {
                throw DatabaseException.of("[sqlite direct " + db.description() + "] " + request + " #" + n, e);
            }
        }
        return results;
    }

    @Benchmark
    public List<Object> async() {
        List<CompletableFuture<?>> wave = new ArrayList<>(inFlight);
        for (int k = 0; k < inFlight; k++) {
            long n = next++;
            wave.add(request == Request.LATEST_10
                    ? async.latestEvents(10)
                    : async.inTransaction("insert event", c -> Events.insert(c, "login", data(n))));
        }
        List<Object> results = new ArrayList<>(inFlight);
        for (CompletableFuture<?> f : wave) {
            results.add(f.join());
        }
        return results;
    }

    private static String data(long n) {
        return "{\"user\": \"user" + n + "\"}";
    }

    /** The benchmark's database, for tests. */
    Database database() {
        return db;
    }
}
