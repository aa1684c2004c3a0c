package dev.dbbench.bench.postgres.insert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.postgres.NewProduct;
import dev.dbbench.core.postgres.Products;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Every variant leaves the same rows (ids included) before any of them is timed. */
class PgInsertBenchmarkTest {

    /** Every column but created_at, which is the clock of the load's transaction. */
    record Row(long id, NewProduct content) {}

    @Test
    void everyVariantLeavesTheSameRows() throws Exception {
        PgInsertBenchmark bench = new PgInsertBenchmark();
        bench.rows = 5_000;
        bench.createTable();
        try {
            Map<String, Callable<?>> variants = new LinkedHashMap<>();
            variants.put("perRowCommit", bench::perRowCommit);
            variants.put("perRowOneTransaction", bench::perRowOneTransaction);
            variants.put("jdbcBatch", bench::jdbcBatch);
            variants.put("jdbcBatchRewritten", bench::jdbcBatchRewritten);
            variants.put("multiRowValues100", bench::multiRowValues100);
            variants.put("multiRowValues1000", bench::multiRowValues1000);
            variants.put("copy", bench::copy);
            variants.put("unnest", bench::unnest);

            Map<String, List<Row>> tables = new LinkedHashMap<>();
            for (Map.Entry<String, Callable<?>> variant : variants.entrySet()) {
                bench.emptyTable();
                variant.getValue().call();
                tables.put(variant.getKey(), table(bench));
            }
            List<Row> expected = tables.get("perRowCommit");
            assertEquals(bench.products, expected.stream().map(Row::content).toList());
            assertEquals(5_000, expected.get(4_999).id());
            tables.forEach((name, rows) -> assertEquals(expected, rows, name));
        } finally {
            bench.dropDatabase();
        }
    }

    private static List<Row> table(PgInsertBenchmark bench) throws Exception {
        try (Connection c = bench.endpoint.connect()) {
            return Products.all(c).stream().map(p -> new Row(p.id(), p.content())).toList();
        }
    }
}
