package dev.dbbench.bench.sqlite.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbbench.core.index.GuideUser;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offset and keyset visit the same rows, whole walks and single deep pages, before either is timed. */
class SqlitePagingBenchmarksTest {

    @ParameterizedTest
    @ValueSource(ints = {3_000, 4_321})
    void walksVisitTheSameRowsInTheSameOrder(int rows) throws Exception {
        SqlitePagingWalkBenchmark bench = new SqlitePagingWalkBenchmark();
        bench.rows = rows;
        bench.createUsers();
        try {
            List<List<GuideUser>> byOffset = bench.offsetPages();
            assertEquals(byOffset, bench.keysetPages());
            assertEquals(LongStream.rangeClosed(1, rows).boxed().toList(), byOffset.stream().flatMap(List::stream).map(GuideUser::id).toList());
            long sum = (long) rows * (rows + 1) / 2;
            assertEquals(sum, bench.offset());
            assertEquals(sum, bench.keyset());
        } finally {
            bench.removeUsers();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 999, 2_500})
    void aPageAtDepthIsTheSameByOffsetAndByKey(int depth) throws Exception {
        SqlitePageDepthBenchmark bench = new SqlitePageDepthBenchmark();
        bench.depth = depth;
        bench.tableRows = 3_000;
        bench.createUsers();
        try {
            assertEquals(bench.offset(), bench.keyset());
            assertEquals(depth + 1, bench.keyset().rows().get(0).id());
            assertEquals(Math.min(SqlitePageDepthBenchmark.PAGE_SIZE, 3_000 - depth), bench.keyset().rows().size());
        } finally {
            bench.removeUsers();
        }
    }
}
