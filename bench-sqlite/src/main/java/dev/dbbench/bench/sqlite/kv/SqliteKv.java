package dev.dbbench.bench.sqlite.kv;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.core.Database;
import dev.dbbench.core.sqlite.KvStore;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The guide's SQLite key-value store, one store per trial: the state both of its questions share,
 * what a get costs ({@link SqliteKvBenchmark}) and what a set costs ({@link SqliteKvSetBenchmark}).
 * Two questions, not one: a get and a set do different work, so a ratio of the two answers nothing
 * (the report would show it as a speed-up).
 *
 * <p>One store, that is one connection with its statements prepared once, as the guide's KVStore
 * keeps one connection; guide settings (WAL, synchronous=FULL). Excluded: opening the store,
 * creating the file.
 *
 * <p>State: values are {@code {"version": n, "payload": "<payloadChars x's>"}}; one is set before
 * the trial for a get to read. Every set writes the next version under the same key, so the table
 * never grows, yet every call really changes the row: re-setting an identical value would let
 * SQLite skip the unchanged cell (no dirty page, nothing to sync), and the benchmark would time a
 * commit with nothing in it. The WAL grows and is checkpointed as it would be in use.
 */
// JMH checks a @Param's class for @State even when it is abstract; the subclasses state it again.
@State(Scope.Thread)
public abstract class SqliteKv {

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

    /** The guide's {@code get}: one key read and its JSON parsed into a Map. */
    @SuppressWarnings("rawtypes")
    protected Map read() {
        return store.get(KEY, Map.class, null);
    }

    /** The guide's {@code set}: the next version's JSON written under the same key and committed. */
    protected void write() {
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
