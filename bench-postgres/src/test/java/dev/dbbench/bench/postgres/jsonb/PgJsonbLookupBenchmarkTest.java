package dev.dbbench.bench.postgres.jsonb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.postgres.NewProduct;
import dev.dbbench.core.postgres.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

/** All four query forms find the same 100 products, with and without the GIN indexes. */
class PgJsonbLookupBenchmarkTest {

    /** A found product without created_at, which differs between the two loads. */
    record Found(long id, NewProduct content) {}

    static List<Found> found(List<Product> products) {
        return products.stream().map(p -> new Found(p.id(), p.content())).toList();
    }

    @Test
    void everyFormFindsTheSameProductsWithAndWithoutIndexes() throws Exception {
        List<Found> reference = null;
        for (PgJsonbLookupBenchmark.Index index : PgJsonbLookupBenchmark.Index.values()) {
            PgJsonbLookupBenchmark bench = new PgJsonbLookupBenchmark();
            bench.index = index;
            bench.loadProducts();
            try {
                List<Found> arrow = found(bench.metadataArrow());
                if (reference == null) {
                    reference = arrow;
                }
                assertEquals(PgJsonbLookupBenchmark.PRODUCTS / 1_000, arrow.size());
                assertTrue(arrow.stream().allMatch(p -> p.content().tags().contains(PgJsonbLookupBenchmark.TAG)), "color 7 goes with tag 7");
                assertEquals(reference, arrow, index + " metadataArrow");
                assertEquals(reference, found(bench.metadataContains()), index + " metadataContains");
                assertEquals(reference, found(bench.tagAny()), index + " tagAny");
                assertEquals(reference, found(bench.tagContains()), index + " tagContains");
            } finally {
                bench.dropDatabase();
            }
        }
    }
}
