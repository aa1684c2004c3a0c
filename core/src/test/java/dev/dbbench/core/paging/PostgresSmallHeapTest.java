package dev.dbbench.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million users (about 200 bytes of column data each, so some 200 MB as the driver holds them)
 * read in a JVM of its own with a 64 MB heap: streamed through a server-side cursor they all pass
 * through; loaded all at once they cannot fit.
 */
class PostgresSmallHeapTest {
    static final int ROWS = 1_000_000;
    static final String HEAP = "-Xmx64m";

    private static PgEndpoint endpoint;

    @BeforeAll
    static void createUsers() {
        endpoint = SharedPostgres.get().createDatabase("PostgresSmallHeapTest");
        try (Database db = Databases.postgres(endpoint)) {
            db.useTransaction(c -> {
                GuideTables.create(c, Dialect.POSTGRES);
                assertEquals(ROWS, GuideTables.insertUsers(c, Dialect.POSTGRES, 1, ROWS));
            });
        }
    }

    @AfterAll
    static void dropDatabase() {
        // Dropping the database drops the table.
        SharedPostgres.get().drop(endpoint);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void streamingReadsEveryRowInA64MbHeap() throws Exception {
        Result r = probe("stream");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("read rows=" + ROWS, r.output().strip());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void loadingAllFailsInA64MbHeap() throws Exception {
        Result r = probe("loadAll");
        assertTrue(r.exitCode() == 3 || r.exitCode() == 4, "loading all " + ROWS + " rows should not fit in " + HEAP + ": " + r);
        assertTrue(r.output().contains(RowStreams.OUT_OF_MEMORY) || r.output().contains("OutOfMemoryError"), r.output());
    }

    private static Result probe(String mode) throws IOException, InterruptedException {
        // Surefire puts the test class path in this property; java.class.path may be its booter jar only.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), HEAP, "-cp", classPath, HeapProbe.class.getName(), mode).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PROBE_PG_URL", endpoint.jdbcUrl());
        env.put("PROBE_PG_USER", endpoint.user());
        env.put("PROBE_PG_PASSWORD", endpoint.password());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Result result = new Result(p.waitFor(), output);
        // Kept in the test's output file: what the small JVM said.
        System.out.println(HEAP + " " + mode + ": " + result);
        return result;
    }

    record Result(int exitCode, String output) {}

}
