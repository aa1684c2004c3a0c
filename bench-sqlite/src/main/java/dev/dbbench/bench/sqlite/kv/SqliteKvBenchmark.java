package dev.dbbench.bench.sqlite.kv;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.sqlite.KvStore;
import java.util.Map;
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
 * What do the guide's SQLite key-value store's get and set cost, for small and large JSON values?
 *
 * <p>Measured: {@code get} reads one key and parses its JSON into a Map (the guide's
 * {@code json.loads}); {@code set} writes the JSON of the same value under the same key as an
 * upsert and commits it (auto-commit, the guide's {@code self.conn.commit()}). One store, that is
 * one connection with its statements prepared once, as the guide's KVStore keeps one connection;
 * guide settings (WAL, synchronous=FULL). Excluded: opening the store, creating the file.
 *
 * <p>State: values are {@code {"version": n, "payload": "<payloadChars x's>"}}; one is set before
 * the trial for {@code get} to read. Every {@code set} writes the next version under the same key,
 * so the table never grows, yet every call really changes the row: re-setting an identical value
 * would let SQLite skip the unchanged cell (no dirty page, nothing to sync), and the benchmark
 * would time a commit with nothing in it. The WAL grows and is checkpointed as it would be in use.
 *
 * <p>Expected shape: for small values set is dominated by the commit's fsync (about a hundred
 * microseconds here) and get by statement execution and JSON parsing (a few microseconds), so set
 * is one to two orders of magnitude slower; for large values both grow with the bytes copied and
 * parsed, get mostly with JSON parsing and set with the WAL write of every overflow page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.SQLITE)
public class SqliteKvBenchmark {

    static final String KEY = "config";

    @Param({"100", "1000000"})
    public int payloadChars;

    private DatabaseTarget target;
    private Database db;
    private KvStore store;
    private String payload;
    private int version;

    @Setup(Level.Trial)
    public void openStore() {
        target = DatabaseTarget.of(getClass());
        db = target.database();
        store = KvStore.open(db);
        payload = "x".repeat(payloadChars);
        version = 0;
        store.set(KEY, value(version));
    }

    @TearDown(Level.Trial)
    public void removeFile() {
        try {
            store.close();
        } finally {
            target.close();
        }
    }

    @Benchmark
    @SuppressWarnings("rawtypes")
    public Map get() {
        return store.get(KEY, Map.class, null);
    }

    @Benchmark
    public void set() {
        store.set(KEY, value(++version));
    }

    /** The value of a version, which {@code set} writes and {@code get} reads back. */
    Map<String, Object> value(int v) {
        return Map.of("version", v, "payload", payload);
    }

    /** The version the last {@code set} wrote, for tests. */
    int version() {
        return version;
    }
}
