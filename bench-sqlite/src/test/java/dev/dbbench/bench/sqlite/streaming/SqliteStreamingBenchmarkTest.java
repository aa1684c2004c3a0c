package dev.dbbench.bench.sqlite.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.paging.StreamOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming and loading all read the same rows in the same order, before either is timed. */
class SqliteStreamingBenchmarkTest {

    @Test
    void streamingReadsWhatLoadingAllReads() throws Exception {
        SqliteStreamingBenchmark bench = new SqliteStreamingBenchmark();
        bench.tableRows = 2_345;
        bench.createUsers();
        try {
            List<GuideUser> all = bench.loadAll();
            assertEquals(2_345, all.size());
            assertEquals(all, bench.streamedRows(StreamOptions.guide()));
            assertEquals(all.stream().mapToLong(GuideUser::id).sum(), bench.stream());
        } finally {
            bench.removeUsers();
        }
    }
}
