package dev.dbbench.bench.postgres.jsonb;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.Fixture;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.postgres.Product;
import dev.dbbench.core.postgres.ProductBulkInsert;
import dev.dbbench.core.postgres.Products;
import dev.dbbench.core.postgres.SampleProducts;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.Scale;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Does a GIN index speed up the guide's JSONB and array lookups in PostgreSQL? On
 * {@value #PRODUCTS} products, each form of the two lookups with no index and with GIN indexes on
 * {@code metadata} (jsonb_path_ops) and {@code tags}: the guide's {@code metadata->>'color' = ?}
 * and {@code ? = ANY(tags)}, and the forms a GIN index can serve, {@code metadata @> ?::jsonb} and
 * {@code tags @> ARRAY[?]}. Each finds the same {@value #PRODUCTS}/1,000 = 100 products.
 *
 * <p>Why the guide's forms cannot use the index: a GIN index answers only the operators of its
 * operator class applied to the indexed column itself ({@code @>}, {@code &&}, ...). {@code ->>}
 * computes a new text value from each row, and {@code = ANY(tags)} applies the scalar text
 * {@code =} to each element; neither is an indexable operator on the column, so the planner must
 * read every row. (A B-tree expression index on {@code (metadata->>'color')} would serve the
 * former, for that one key.)
 *
 * <p>Measured: one lookup, the 100 rows read into records, over an open connection. Excluded:
 * loading the table (COPY), building the indexes and ANALYZE (once per run, copied per trial);
 * nothing is written.
 *
 * <p>Expected: without an index all four read the whole table, within tens of percent of each
 * other. With the indexes, the guide's two forms stay where they were, while the two containment
 * forms drop by one to two orders of magnitude (a bitmap index scan over 100 rows instead of a
 * sequential scan over 100,000).
 *
 * <p>Quick settings: 2 forks x (2 x 300 ms warm-up + 3 x 300 ms), about 38 s for its 8 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to tens of milliseconds, so an iteration of 0.3 s holds a few to
 * thousands of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.POSTGRES)
public class PgJsonbLookupBenchmark {
    static final int PRODUCTS = 100_000;

    /** Which indexes the table has. */
    public enum Index {
        NONE,
        GIN
    }

    @Param
    Index index;

    /** A color and a tag that one product in a thousand has. */
    static final String COLOR = SampleProducts.color(7);
    static final String TAG = SampleProducts.tag(7);

    PgEndpoint endpoint;
    private DatabaseTarget target;
    private Connection connection;

    @Setup(Level.Trial)
    public void loadProducts() throws SQLException {
        target = DatabaseTarget.fromFixture(getClass(), fixture(index, Scale.current().rows(PRODUCTS)));
        endpoint = target.endpoint();
        connection = endpoint.connect();
    }

    /** The products table with its indexes, analysed: built once per run for each index, copied per trial. */
    static Fixture fixture(Index index, int products) {
        return new Fixture("products", 1, "products=" + products + ",index=" + index, db -> db.useConnection(c -> {
            Products.createSchema(c);
            ProductBulkInsert.copy(c, SampleProducts.range(0, products));
            if (index == Index.GIN) {
                Products.createGinIndexes(c);
            }
            // Fresh statistics, so the planner knows the table's size and the values' frequencies.
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE products");
            }
        }));
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
    public List<Product> metadataArrow() throws SQLException {
        return Products.findByMetadataText(connection, "color", COLOR);
    }

    @Benchmark
    public List<Product> metadataContains() throws SQLException {
        return Products.findByMetadataContaining(connection, "color", COLOR);
    }

    @Benchmark
    public List<Product> tagAny() throws SQLException {
        return Products.findByTag(connection, TAG);
    }

    @Benchmark
    public List<Product> tagContains() throws SQLException {
        return Products.findByTagContaining(connection, TAG);
    }
}
