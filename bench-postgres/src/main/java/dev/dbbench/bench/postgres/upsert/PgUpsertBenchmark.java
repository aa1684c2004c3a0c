package dev.dbbench.bench.postgres.upsert;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.postgres.ConflictAction;
import dev.dbbench.core.postgres.NewProduct;
import dev.dbbench.core.postgres.ProductBulkInsert;
import dev.dbbench.core.postgres.Products;
import dev.dbbench.core.postgres.SampleProducts;
import dev.dbbench.core.provision.PgEndpoint;
import java.math.BigDecimal;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does ON CONFLICT DO UPDATE cost against DO NOTHING when upserting a batch of products into
 * PostgreSQL, as the share of rows that already exist grows (0, 50, 100%)?
 *
 * <p>Measured: one upsert of {@value #BATCH} products (new prices and tags for existing names) as
 * one multi-row INSERT ... ON CONFLICT (name) in one transaction, commit included. Of the batch,
 * {@code conflictPercent}% are names among the {@value #EXISTING} products loaded per trial, the
 * rest names never used before. Excluded: building the batch (a fresh one before every call, in
 * an invocation-level setup: it makes objects only, no database work, and a call takes
 * milliseconds, so JMH's per-invocation timestamps are noise), loading the table. New names
 * make the table grow within an iteration, so before every iteration the table is emptied and
 * the {@value #EXISTING} products loaded again (not measured).
 *
 * <p>Expected: equal at 0% (both only insert). With more conflicts DO NOTHING gets cheaper (a
 * conflicting row is an index probe and no write), while DO UPDATE writes a new version of each
 * conflicting row and its WAL, so at 100% DO NOTHING should be clearly faster, by up to about the
 * factor between reading and writing a row.
 *
 * <p>Quick settings: 2 forks x (2 x 300 ms warm-up + 3 x 300 ms), about 31 s for its 6 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to tens of milliseconds, so an iteration of 0.3 s holds a few to
 * thousands of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgUpsertBenchmark {
    static final int BATCH = 1_000;
    static final int EXISTING = 5_000;

    @Param({"0", "50", "100"})
    int conflictPercent;

    PgEndpoint endpoint;
    private DatabaseTarget target;
    private Connection connection;
    /** Numbers of the products not used yet; grows for the whole trial so names never repeat. */
    private int nextFresh;
    List<NewProduct> batch;

    @Setup(Level.Trial)
    public void createTable() throws SQLException {
        target = DatabaseTarget.of(getClass());
        endpoint = target.endpoint();
        connection = endpoint.connect();
        Products.createSchema(connection);
        nextFresh = EXISTING;
    }

    @Setup(Level.Iteration)
    public void loadExisting() throws SQLException {
        Products.truncate(connection);
        ProductBulkInsert.copy(connection, SampleProducts.range(0, EXISTING));
    }

    /** A batch of conflicting existing names (the first ones) and fresh names; see the class comment. */
    @Setup(Level.Invocation)
    public void nextBatch() {
        int conflicting = BATCH * conflictPercent / 100;
        List<NewProduct> next = new ArrayList<>(BATCH);
        for (NewProduct p : SampleProducts.range(0, conflicting)) {
            next.add(new NewProduct(p.name(), p.price().add(BigDecimal.ONE), List.of("upserted"), p.metadata()));
        }
        next.addAll(SampleProducts.range(nextFresh, BATCH - conflicting));
        nextFresh += BATCH - conflicting;
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
    public int doUpdate() throws SQLException {
        return ProductBulkInsert.upsert(connection, batch, ConflictAction.UPDATE);
    }

    @Benchmark
    public int doNothing() throws SQLException {
        return ProductBulkInsert.upsert(connection, batch, ConflictAction.NOTHING);
    }
}
