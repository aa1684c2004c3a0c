package dev.dbbench.bench.sqlite.insert;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.Scale;
import dev.dbbench.core.sqlite.NewUser;
import dev.dbbench.core.sqlite.SqliteUsers;
import dev.dbbench.core.sqlite.UserInsertStrategy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * How should I insert many rows into SQLite? The guide's naive way (an INSERT and a commit per
 * row) against its bulk way ({@code executemany} in one transaction, "Fast — single transaction"),
 * with the two steps in between: per-row statements in one transaction, and multi-row VALUES.
 *
 * <p>Measured: one call inserting {@code rows} users (INSERT OR IGNORE) into the empty
 * {@code users} table of a fresh database file with the guide's settings (WAL, synchronous=FULL,
 * foreign keys), including opening the one connection each call uses (tens of microseconds, the
 * same for every variant). Excluded: creating the file and schema, and removing it afterwards,
 * which happen in per-iteration setup and teardown.
 *
 * <p>Why SingleShotTime with a fresh file per iteration: the work is "insert N rows into an
 * empty table", so every measured call must start from an empty table, and deleting 100,000 rows
 * between calls would leave a file with free pages and a WAL the next call inherits. A fresh file
 * is the honest reset, and per-iteration setup is only possible with one call per iteration.
 * perRowCommit pays an fsync of the WAL per commit: roughly 160 us per commit on the development
 * machine (17 s a call at 100,000 rows, 2026-11-25), which is why the shots are few and the
 * larger size is 10,000 rows.
 *
 * <p>Expected shape: perRowCommit is slowest by one to two orders of magnitude (one fsync per row);
 * perRowOneTransaction removes the fsyncs, batchOneTransaction adds little over it in SQLite
 * (an embedded database has no network round trips for batching to save), and multiRowValues
 * saves statement executions, so it should be fastest by a small factor.
 *
 * <p>Quick settings: 2 forks x (5 warm-up + 3 measured shots), about 56 s for its 8 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * 10,000 rather than 100,000 rows as the larger size: a commit per row costs the same per row at
 * any size, and at 100,000 rows it took 17 s a shot (-p rows=100000 measures it); five warm-up
 * shots for every variant, as a 1,000-row load takes milliseconds and is otherwise measured before
 * the JIT has compiled it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 3)
@Fork(2)
@State(Scope.Benchmark)
@OnDatabase(Dialect.SQLITE)
public class SqliteInsertBenchmark {

    @Param({"1000", "10000"})
    public int rows;

    private List<NewUser> users;
    private DatabaseTarget target;
    private Database db;
    private SqliteUsers table;

    @Setup(Level.Trial)
    public void createUsers() {
        // The smoke profile scales the size down (Scale; recorded in environment.json and the report): every
        // combination still runs. JMH records the parameter as given.
        rows = Scale.current().rows(rows);
        users = IntStream.range(0, rows).mapToObj(i -> new NewUser("user" + i + "@example.com", "User " + i)).toList();
    }

    @Setup(Level.Iteration)
    public void createEmptyTable() {
        target = DatabaseTarget.of(getClass());
        db = target.database();
        table = new SqliteUsers(db);
        table.createSchema();
    }

    @TearDown(Level.Iteration)
    public void checkAndRemoveFile() {
        try {
            long count = table.count();
            if (count != rows) {
                throw new IllegalStateException("[sqlite insert] expected " + rows + " rows after the measured call, found " + count);
            }
        } finally {
            target.close();
        }
    }

    // The same warm-up as every other variant, though a shot is long: the baseline is never the only
    // cold one, or its cold start inflates every speed-up judged against it (in the quick run of
    // 2026-11-25 a cold first shot was 18% slower than later ones (226 ms, then 192 and 190 at 1,000 rows)).
    @Benchmark
    public int perRowCommit() {
        return table.insertAll(users, UserInsertStrategy.PER_ROW_COMMIT);
    }

    @Benchmark
    public int perRowOneTransaction() {
        return table.insertAll(users, UserInsertStrategy.PER_ROW_ONE_TRANSACTION);
    }

    @Benchmark
    public int batchOneTransaction() {
        return table.insertAll(users, UserInsertStrategy.BATCH_ONE_TRANSACTION);
    }

    @Benchmark
    public int multiRowValues() {
        return table.insertAll(users, UserInsertStrategy.MULTI_ROW_VALUES);
    }

    /** The table as the last call left it, for tests that compare variants. */
    SqliteUsers table() {
        return table;
    }
}
