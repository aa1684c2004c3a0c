package dev.dbbench.bench.postgres.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.txn.BatchOutcome;
import dev.dbbench.core.txn.ItemBatch;
import dev.dbbench.core.txn.NewItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The three variants skip the same 100 duplicates of a batch and keep the same 900 items. */
class PgSavepointBatchBenchmarkTest {

    @Test
    void everyVariantKeepsTheSameItems() throws Exception {
        PgSavepointBatchBenchmark bench = new PgSavepointBatchBenchmark();
        bench.createTable();
        try {
            Map<String, Callable<BatchOutcome>> variants = new LinkedHashMap<>();
            variants.put("savepointPerItem", bench::savepointPerItem);
            variants.put("prefilter", bench::prefilter);
            variants.put("onConflictDoNothing", bench::onConflictDoNothing);
            bench.nextBatch();
            assertEquals(PgSavepointBatchBenchmark.ITEMS, bench.batch.size());

            List<List<NewItem>> tables = new ArrayList<>();
            for (Map.Entry<String, Callable<BatchOutcome>> variant : variants.entrySet()) {
                bench.putBackExisting();
                assertEquals(new BatchOutcome(900, 100), variant.getValue().call(), variant.getKey());
                tables.add(ItemBatch.all(bench.connection));
            }
            assertEquals(PgSavepointBatchBenchmark.EXISTING + 900, tables.get(0).size());
            tables.forEach(t -> assertEquals(tables.get(0), t));

            // The next call's batch has new names again, so it does the same work.
            bench.nextBatch();
            assertEquals(new BatchOutcome(900, 100), bench.onConflictDoNothing());
        } finally {
            bench.dropDatabase();
        }
    }
}
