package dev.dbbench.bench.postgres.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.StreamOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every fetch size streams the rows loading all reads, in the same order, before any is timed; and
 * in a heap large enough for them, the small-heap benchmark's two reads count the same rows.
 */
class PgStreamingBenchmarksTest {
    static final int ROWS = 2_345;

    @Test
    void everyFetchSizeStreamsWhatLoadingAllReads() throws Exception {
        PgStreamingBenchmark bench = new PgStreamingBenchmark();
        bench.tableRows = ROWS;
        bench.createUsers();
        try {
            List<GuideUser> all = bench.loadAll();
            assertEquals(ROWS, all.size());
            for (int fetchSize : new int[] {100, 1_000, 10_000}) {
                assertEquals(all, bench.streamedRows(new StreamOptions(fetchSize, PgStreamingBenchmark.CHUNK)), "fetch size " + fetchSize);
            }
            long sum = all.stream().mapToLong(GuideUser::id).sum();
            assertEquals(sum, bench.streamFetch100());
            assertEquals(sum, bench.streamFetch1000());
            assertEquals(sum, bench.streamFetch10000());
        } finally {
            bench.removeUsers();
        }
    }

    @Test
    void smallHeapReadsCountRowsAndFailures() throws Exception {
        PgSmallHeapStreamingBenchmark bench = new PgSmallHeapStreamingBenchmark();
        bench.tableRows = ROWS;
        bench.createUsers();
        try {
            PgSmallHeapStreamingBenchmark.Outcome streamed = new PgSmallHeapStreamingBenchmark.Outcome();
            PgSmallHeapStreamingBenchmark.Outcome loaded = new PgSmallHeapStreamingBenchmark.Outcome();
            assertEquals(ROWS, bench.stream(streamed));
            assertEquals(ROWS, bench.loadAll(loaded));
            assertEquals(ROWS, streamed.rowsRead);
            assertEquals(ROWS, loaded.rowsRead);
            assertEquals(0, streamed.outOfMemory + loaded.outOfMemory);
        } finally {
            bench.removeUsers();
        }
    }
}
