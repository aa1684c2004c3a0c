package dev.dbbench.bench.postgres.insert;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.postgres.NewProduct;
import dev.dbbench.core.postgres.ProductBulkInsert;
import dev.dbbench.core.postgres.Products;
import dev.dbbench.core.postgres.SampleProducts;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.Scale;
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
 * How should I insert {@code rows} products into PostgreSQL? The guide's section 3 table (name,
 * price, tags, JSONB metadata) filled by each of {@link dev.dbbench.core.postgres.ProductInsertStrategy}:
 * a commit per row (the naive loop, baseline), one transaction of single-row INSERTs, a JDBC
 * batch, the batch rewritten by pgjdbc ({@code reWriteBatchedInserts=true}), psycopg2-style
 * multi-row VALUES pages of 100 and 1,000 rows, COPY FROM STDIN, and one INSERT ... SELECT FROM
 * unnest of four array parameters. 5,000 rows is the guide's size.
 *
 * <p>Measured: one complete load into an empty table, commit included, over an open connection.
 * Single-shot: each iteration is one load, because a load leaves the rows behind; before every
 * iteration the table is emptied ({@code TRUNCATE ... RESTART IDENTITY}, not measured), so every
 * load starts from the same empty table and gets ids from 1. Excluded: opening the connections,
 * making the products (built once per trial, so no variant pays for generating them), creating
 * the table.
 *
 * <p>Expected: {@code perRowCommit} slowest by far, paying a round trip and a WAL flush per row;
 * {@code perRowOneTransaction} several times faster (one flush) but still a round trip per row;
 * {@code jdbcBatch} faster again, as pgjdbc pipelines the statements without waiting for each
 * answer; the rewritten batch, multi-row VALUES, unnest and COPY an order of magnitude or more
 * under the naive loop, COPY the fastest (no per-statement parse, plan or parameter handling),
 * multi-row VALUES of 100 rows close to 1,000. At 5,000 rows the ranking should hold with the
 * same per-row gaps; a single-shot time carries JVM warm-up effects, so the 2,000-row figures are
 * noisier.
 * The commit per row is what the server's {@code synchronous_commit} decides: when it is on (the
 * PostgreSQL default) each commit waits for a WAL flush to disk, and {@code perRowCommit} at
 * 100,000 rows takes 20 s to minutes per shot (which is why the quick profile's larger size is
 * 5,000 rows); when it is off (the embedded test server's setting) a
 * commit does not wait, and {@code perRowCommit} comes close to {@code perRowOneTransaction}.
 *
 * <p>Quick settings: 2 forks x (3 warm-up + 3 measured shots) at 2,000 and 5,000 rows, about 80 s
 * for its 16 combinations (planned from the quick run of 2026-12-03 at 5,000 and 10,000 rows: 144 s,
 * 65 s of it the two one-row-at-a-time baselines at 10,000; the whole quick plan is in
 * docs/quick-budget.md). Two forks because the report's interval treats the fork as the unit and
 * gives no verdict from one; 5,000 rather than 100,000 rows as the larger size: a commit per row
 * costs the same per row at any size (0.19 ms at 5,000 and 0.20 ms at 20,000 rows in an earlier
 * run), and at 100,000 rows it took 20 s a shot (-p rows=10000,100000 measures larger sizes); three
 * warm-up shots for every variant so the shorter loads are measured JIT-compiled.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgInsertBenchmark {
    @Param({"2000", "5000"})
    int rows;

    PgEndpoint endpoint;
    private DatabaseTarget target;
    private Connection connection;
    private Connection rewriting;
    List<NewProduct> products;

    @Setup(Level.Trial)
    public void createTable() throws SQLException {
        // The smoke profile scales the size down (Scale; recorded in environment.json and the report): every
        // combination still runs. JMH records the parameter as given.
        rows = Scale.current().rows(rows);
        target = DatabaseTarget.of(getClass());
        endpoint = target.endpoint();
        connection = endpoint.connect();
        rewriting = ProductBulkInsert.rewritingBatches(endpoint).connect();
        Products.createSchema(connection);
        products = new ArrayList<>(SampleProducts.range(0, rows));
    }

    /** Runs before each single shot: every load starts from the same empty table. */
    @Setup(Level.Iteration)
    public void emptyTable() throws SQLException {
        Products.truncate(connection);
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws SQLException {
        try {
            connection.close();
            rewriting.close();
        } finally {
            target.close();
        }
    }

    // The same warm-up as every other variant, though a shot is long: the baseline is never the only
    // cold one, or its cold start inflates every speed-up judged against it (in the quick run of
    // 2026-11-25 a cold first shot was 44% slower than later ones (1,454 ms, then 1,007 and 1,036 at 5,000 rows)).
    @Benchmark
    public int perRowCommit() throws SQLException {
        return ProductBulkInsert.perRowCommit(connection, products);
    }

    @Benchmark
    public int perRowOneTransaction() throws SQLException {
        return ProductBulkInsert.perRowOneTransaction(connection, products);
    }

    @Benchmark
    public int[] jdbcBatch() throws SQLException {
        return ProductBulkInsert.jdbcBatch(connection, products);
    }

    @Benchmark
    public int[] jdbcBatchRewritten() throws SQLException {
        return ProductBulkInsert.jdbcBatch(rewriting, products);
    }

    @Benchmark
    public int multiRowValues100() throws SQLException {
        return ProductBulkInsert.multiRowValues(connection, products, 100);
    }

    @Benchmark
    public int multiRowValues1000() throws SQLException {
        return ProductBulkInsert.multiRowValues(connection, products, 1_000);
    }

    @Benchmark
    public long copy() throws SQLException {
        return ProductBulkInsert.copy(connection, products);
    }

    @Benchmark
    public int unnest() throws SQLException {
        return ProductBulkInsert.unnest(connection, products);
    }
}
