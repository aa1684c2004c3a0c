package dev.dbbench.bench.postgres.txn;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.txn.BatchOutcome;
import dev.dbbench.core.txn.DuplicateHandling;
import dev.dbbench.core.txn.ItemBatch;
import dev.dbbench.core.txn.NewItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How should a PostgreSQL batch skip duplicates without losing the other rows? The guide's
 * SAVEPOINT before each item with ROLLBACK TO SAVEPOINT on a unique violation (baseline), against
 * no savepoint (the names that are taken read first and left out: without a savepoint the first
 * duplicate would abort the whole transaction, see {@link DuplicateHandling#PREFILTER}), and
 * {@code INSERT ... ON CONFLICT (name) DO NOTHING}. All three insert item by item, so they differ
 * only in how they skip.
 *
 * <p>Measured: one batch of {@value #ITEMS} items with 10% duplicates (50 names already in the
 * table, 50 repeated within the batch), in one transaction, commit included, over an open
 * connection. Excluded: making the batch (before every call, in an invocation-level setup: it
 * makes objects only and a call takes tens of milliseconds, so JMH's per-invocation timestamps
 * are noise); the batch's other 900 names are new every call, so every call inserts 900 rows and
 * skips 100. The table grows within an iteration, so before every iteration it is emptied and the
 * 50 existing items put back (not measured).
 *
 * <p>Expected: the savepoint variant slowest: two extra round trips per item (SAVEPOINT, RELEASE
 * or ROLLBACK TO) and a subtransaction each, so around twice to three times the others. The other
 * two within tens of percent: the pre-read is one query, and ON CONFLICT's duplicate check is an
 * index probe the plain INSERT does anyway.
 *
 * <p>Quick settings: 2 forks x (2 x 1 s warm-up + 3 x 1 s), about 38 s for its 3 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of up to a few hundred milliseconds, so iterations of 1 s, to hold several of them
 * each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgSavepointBatchBenchmark {
    static final int ITEMS = 1_000;
    static final int EXISTING = 50;
    static final int REPEATED = 50;

    PgEndpoint endpoint;
    private DatabaseTarget target;
    Connection connection;
    private int call;
    List<NewItem> batch;

    @Setup(Level.Trial)
    public void createTable() throws SQLException {
        target = DatabaseTarget.of(getClass());
        endpoint = target.endpoint();
        connection = endpoint.connect();
        ItemBatch.createSchema(connection);
    }

    @Setup(Level.Iteration)
    public void putBackExisting() throws SQLException {
        ItemBatch.truncate(connection);
        List<NewItem> existing = new ArrayList<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(new NewItem("existing " + i, i));
        }
        ItemBatch.insert(connection, existing, DuplicateHandling.ON_CONFLICT_DO_NOTHING);
    }

    /**
     * 900 new names, 50 existing ones spread over the batch, and 50 repeats each right after the
     * name it repeats.
     */
    @Setup(Level.Invocation)
    public void nextBatch() {
        call++;
        int fresh = ITEMS - EXISTING - REPEATED;
        int every = fresh / EXISTING;
        List<NewItem> next = new ArrayList<>(ITEMS);
        for (int i = 0; i < fresh; i++) {
            NewItem item = new NewItem("call " + call + " item " + i, i);
            next.add(item);
            if (i % every == 0) {
                next.add(new NewItem("existing " + i / every, -1));
                next.add(new NewItem(item.name(), -2));
            }
        }
        batch = next;
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws SQLException {
        try {
            connection.close();
        } finally {
            target.close();
        }
    }

    @Benchmark
    public BatchOutcome savepointPerItem() throws SQLException {
        return ItemBatch.insert(connection, batch, DuplicateHandling.SAVEPOINT_PER_ITEM);
    }

    @Benchmark
    public BatchOutcome prefilter() throws SQLException {
        return ItemBatch.insert(connection, batch, DuplicateHandling.PREFILTER);
    }

    @Benchmark
    public BatchOutcome onConflictDoNothing() throws SQLException {
        return ItemBatch.insert(connection, batch, DuplicateHandling.ON_CONFLICT_DO_NOTHING);
    }
}
