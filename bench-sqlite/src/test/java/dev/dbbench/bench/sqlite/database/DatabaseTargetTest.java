package dev.dbbench.bench.sqlite.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.bench.question.paging.PagingWalk;
import dev.dbbench.bench.sqlite.paging.SqlitePagingWalkBenchmark;
import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.core.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A benchmark's database comes from its @OnDatabase, also through the subclass JMH generates for it. */
class DatabaseTargetTest {

    @Test
    void theGeneratedSubclassFindsItsBenchmarksDatabase() {
        // What JMH runs in a fork: a subclass of the benchmark (SqlitePagingWalkBenchmark_jmhType).
        Class<?> generated = new SqlitePagingWalkBenchmark() {}.getClass();
        assertEquals(Dialect.SQLITE, DatabaseTarget.dialectOf(generated));
        assertFalse(DatabaseTarget.needsPostgres(generated));
    }

    @Test
    void aClassWithoutOnDatabaseIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseTarget.of(PagingWalk.class));
        assertTrue(e.getMessage().contains(PagingWalk.class.getName()) && e.getMessage().contains("@OnDatabase"), e.getMessage());
    }

    @Test
    void aSqliteTargetIsAFileInADirectoryRemovedOnClose() {
        Path file;
        try (DatabaseTarget target = DatabaseTarget.of(SqlitePagingWalkBenchmark.class)) {
            file = target.file();
            target.database().useConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (x INTEGER)");
                }
            });
            assertTrue(Files.exists(file));
            assertEquals("SqlitePagingWalkBenchmark.db", file.getFileName().toString());
        }
        assertFalse(Files.exists(file.getParent()));
    }
}
