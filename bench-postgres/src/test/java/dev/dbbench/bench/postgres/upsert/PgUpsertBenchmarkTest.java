package dev.dbbench.bench.postgres.upsert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.postgres.Product;
import dev.dbbench.core.postgres.Products;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both variants leave the same names, and differ exactly where they should: DO UPDATE changes the
 * conflicting rows, DO NOTHING keeps them.
 */
class PgUpsertBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 50, 100})
    void bothVariantsLeaveTheSameNamesAndDifferOnlyInTheConflictingRows(int conflictPercent) throws Exception {
        PgUpsertBenchmark bench = new PgUpsertBenchmark();
        bench.conflictPercent = conflictPercent;
        bench.createTable();
        try {
            int conflicting = PgUpsertBenchmark.BATCH * conflictPercent / 100;

            bench.loadExisting();
            bench.nextBatch();
            assertEquals(PgUpsertBenchmark.BATCH, bench.doUpdate());
            List<Product> updated = table(bench);

            // The same batch again, on the table as it was before.
            bench.loadExisting();
            assertEquals(PgUpsertBenchmark.BATCH - conflicting, bench.doNothing());
            List<Product> kept = table(bench);

            assertEquals(PgUpsertBenchmark.EXISTING + PgUpsertBenchmark.BATCH - conflicting, updated.size());
            assertEquals(names(updated), names(kept));
            long changed = updated.stream().filter(p -> p.tags().equals(List.of("upserted"))).count();
            long unchanged = kept.stream().filter(p -> p.tags().equals(List.of("upserted"))).count();
            assertEquals(conflicting, changed);
            assertEquals(0, unchanged);
        } finally {
            bench.dropDatabase();
        }
    }

    private static List<String> names(List<Product> products) {
        return products.stream().map(Product::name).sorted().toList();
    }

    private static List<Product> table(PgUpsertBenchmark bench) throws Exception {
        try (Connection c = bench.endpoint.connect()) {
            return Products.all(c);
        }
    }
}
