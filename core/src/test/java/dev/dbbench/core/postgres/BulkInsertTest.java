package dev.dbbench.core.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bulk strategies the insert benchmark times leave identical rows, hostile strings included. */
class BulkInsertTest extends PgTestDatabase {

    /** What a strategy decides: every column but created_at, which is the transaction's clock. */
    record Row(long id, NewProduct content) {}

    static List<Row> rows() {
        return all().stream().map(p -> new Row(p.id(), p.content())).toList();
    }

    /** Runs {@code strategy} on a connection that suits it, as the benchmark does. */
    static void insert(List<NewProduct> products, ProductInsertStrategy strategy) {
        Database target = strategy == ProductInsertStrategy.JDBC_BATCH_REWRITTEN ? Databases.postgres(ProductBulkInsert.rewritingBatches(endpoint)) : db;
        target.useConnection(c -> ProductBulkInsert.insert(c, products, strategy));
    }

    @Test
    void everyStrategyLeavesTheSameRows() {
        List<NewProduct> products = new ArrayList<>(SampleProducts.range(0, 2_345));
        products.addAll(ProductsTest.hostileProducts());
        Map<ProductInsertStrategy, List<Row>> tables = new EnumMap<>(ProductInsertStrategy.class);
        for (ProductInsertStrategy strategy : ProductInsertStrategy.values()) {
            db.useConnection(Products::truncate);
            insert(products, strategy);
            tables.put(strategy, rows());
        }
        List<Row> expected = tables.get(ProductInsertStrategy.PER_ROW_COMMIT);
        assertEquals(products.size(), expected.size());
        assertEquals(products, expected.stream().map(Row::content).toList());
        assertEquals(products.size(), expected.get(expected.size() - 1).id());
        for (ProductInsertStrategy strategy : ProductInsertStrategy.values()) {
            assertEquals(expected, tables.get(strategy), strategy.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProductInsertStrategy.class, names = "COPY", mode = EnumSource.Mode.EXCLUDE)
    void insertStrategiesSkipNamesThatExistLikeExecuteValues(ProductInsertStrategy strategy) {
        db.useTransaction(c -> Products.insert(c, new NewProduct("Product 3", new BigDecimal("1.00"), List.of("kept"), null)));
        List<NewProduct> products = new ArrayList<>(SampleProducts.range(0, 10));
        products.add(SampleProducts.product(5));

        insert(products, strategy);

        List<Product> stored = all();
        assertEquals(10, stored.size());
        assertEquals(List.of("kept"), stored.get(0).tags());
        assertEquals(new BigDecimal("1.00"), stored.get(0).price());
    }

    @Test
    void copyOfANameThatExistsFailsWholeAndLeavesNothing() {
        db.useTransaction(c -> Products.insert(c, SampleProducts.product(7)));
        DatabaseException e = assertThrows(DatabaseException.class, () -> insert(SampleProducts.range(0, 100), ProductInsertStrategy.COPY));
        assertEquals("23505", e.sqlState());
        assertTrue(e.getMessage().contains("duplicate key value violates unique constraint \"products_name_key\""), e.getMessage());
        assertEquals(List.of("Product 7"), all().stream().map(Product::name).toList());
    }

    @Test
    void copyStreamsRowsAsTheDriverReadsThem() {
        AtomicInteger made = new AtomicInteger();
        int count = 50_000;
        // An iterable that makes each product when asked: nothing holds all of them at once.
        Iterable<NewProduct> lazy = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return made.get() < count;
            }

            @Override
            public NewProduct next() {
                return SampleProducts.product(made.getAndIncrement());
            }
        };
        long copied = db.withConnection(c -> ProductBulkInsert.copy(c, lazy));
        assertEquals(count, copied);
        assertEquals(count, made.get());
        assertEquals(count, db.withConnection(Products::count));
        assertEquals(SampleProducts.product(count - 1), all().get(count - 1).content());
    }

    @Test
    void copyReaderEscapesTextFormat() throws Exception {
        NewProduct p = new NewProduct("a\tb\\c\nd\re", new BigDecimal("1.50"), List.of("x\"y", "z\\w", ""), null);
        char[] buffer = new char[200];
        int n;
        try (ProductCopyReader reader = new ProductCopyReader(List.of(p).iterator(), Products.JSON)) {
            n = reader.read(buffer, 0, buffer.length);
            assertEquals(-1, reader.read(buffer, n, buffer.length - n));
        }
        assertEquals("a\\tb\\\\c\\nd\\re\t1.50\t{\"x\\\\\"y\",\"z\\\\\\\\w\",\"\"}\t{}\n", new String(buffer, 0, n));
    }

    @Test
    void multiRowValuesPageSizeDoesNotChangeTheRows() {
        List<NewProduct> products = SampleProducts.range(0, 1_001);
        List<List<Row>> tables = new ArrayList<>();
        for (int pageSize : new int[] {1, 100, 1_000, ProductBulkInsert.MAX_PAGE_SIZE}) {
            db.useConnection(Products::truncate);
            int inserted = db.withConnection(c -> ProductBulkInsert.multiRowValues(c, products, pageSize));
            assertEquals(products.size(), inserted);
            tables.add(rows());
        }
        tables.forEach(t -> assertEquals(tables.get(0), t));
    }

    @Test
    void pageSizeOutsideTheParameterLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.withConnection(c -> ProductBulkInsert.multiRowValues(c, SampleProducts.range(0, 1), 20_000)));
        assertEquals("pageSize 20000 is out of range: between 1 and 16383 rows (PostgreSQL takes at most 65535 parameters per statement, 4 per product)",
                e.getMessage());
    }

    @Test
    void rewrittenBatchIsReallyRewritten() throws SQLException {
        List<NewProduct> products = SampleProducts.range(0, 300);
        int[] plain = db.withConnection(c -> ProductBulkInsert.jdbcBatch(c, products));
        int[] ones = new int[products.size()];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, plain);

        db.useConnection(Products::truncate);
        // pgjdbc reports SUCCESS_NO_INFO for every row of a rewritten batch: it sent multi-row INSERTs.
        try (Connection c = ProductBulkInsert.rewritingBatches(endpoint).connect()) {
            assertTrue(ProductBulkInsert.rewritesBatches(c));
            int[] rewritten = ProductBulkInsert.jdbcBatch(c, products);
            assertTrue(Arrays.stream(rewritten).allMatch(n -> n == Statement.SUCCESS_NO_INFO), Arrays.toString(rewritten));
        }
        assertEquals(products.size(), db.withConnection(Products::count));
    }

    @Test
    void aStrategyOnAConnectionThatDoesNotSuitItIsRefusedBeforeInserting() {
        IllegalArgumentException rewritten = assertThrows(IllegalArgumentException.class,
                () -> db.useConnection(c -> ProductBulkInsert.insert(c, SampleProducts.range(0, 5), ProductInsertStrategy.JDBC_BATCH_REWRITTEN)));
        assertEquals("[products] JDBC_BATCH_REWRITTEN needs a connection with reWriteBatchedInserts=true, this one has false."
                + " Connect through ProductBulkInsert.rewritingBatches(endpoint)", rewritten.getMessage());

        IllegalStateException perRow = assertThrows(IllegalStateException.class,
                () -> db.useTransaction(c -> ProductBulkInsert.insert(c, SampleProducts.range(0, 5), ProductInsertStrategy.PER_ROW_COMMIT)));
        assertTrue(perRow.getMessage().startsWith("[products] per-row commit needs a connection in auto-commit mode"), perRow.getMessage());
        assertEquals(0, db.withConnection(Products::count));
    }

    @Test
    void perRowCommitKeepsTheRowsBeforeAFailureTheOthersKeepNone() {
        List<NewProduct> products = new ArrayList<>(SampleProducts.range(0, 5));
        // A constraint only this test has makes the server refuse product 3, after products 0 to 2.
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE products ADD CONSTRAINT no_product_3 CHECK (name <> 'Product 3')");
            }
        });
        DatabaseException perRow = assertThrows(DatabaseException.class, () -> insert(products, ProductInsertStrategy.PER_ROW_COMMIT));
        assertEquals("23514", perRow.sqlState());
        assertEquals(List.of("Product 0", "Product 1", "Product 2"), all().stream().map(Product::name).toList());

        for (ProductInsertStrategy strategy : ProductInsertStrategy.values()) {
            if (strategy != ProductInsertStrategy.PER_ROW_COMMIT) {
                db.useConnection(Products::truncate);
                DatabaseException e = assertThrows(DatabaseException.class, () -> insert(products, strategy), strategy.toString());
                assertEquals("23514", e.sqlState(), strategy.toString());
                assertFalse(db.withConnection(Products::count) > 0, strategy + " kept rows");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ConflictAction.class)
    void upsertUpdatesOrKeepsTheRowsThatExist(ConflictAction action) {
        db.useTransaction(c -> ProductBulkInsert.copy(c, SampleProducts.range(0, 1_500)));
        // Half of the batch conflicts (products 1,000..1,499 exist), with new prices and tags.
        List<NewProduct> batch = SampleProducts.range(1_000, 1_000).stream()
                .map(p -> new NewProduct(p.name(), p.price().add(BigDecimal.ONE), List.of("updated"), p.metadata())).toList();

        int affected = db.withConnection(c -> ProductBulkInsert.upsert(c, batch, action));

        List<Product> stored = all();
        assertEquals(2_000, stored.size());
        Product conflicting = stored.stream().filter(p -> p.name().equals("Product 1200")).findFirst().orElseThrow();
        Product fresh = stored.stream().filter(p -> p.name().equals("Product 1700")).findFirst().orElseThrow();
        assertEquals(List.of("updated"), fresh.tags());
        if (action == ConflictAction.UPDATE) {
            assertEquals(1_000, affected);
            assertEquals(List.of("updated"), conflicting.tags());
            assertEquals(new BigDecimal("1210.99"), conflicting.price());
        } else {
            assertEquals(500, affected);
            assertEquals(SampleProducts.product(1_200), conflicting.content());
        }
    }
}
