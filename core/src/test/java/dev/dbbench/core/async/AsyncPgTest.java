package dev.dbbench.core.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guide's asyncpg example (section 8) through the Vert.x client on the suite's PostgreSQL. Each
 * test works in a schema of its own, reached through the endpoint's {@code currentSchema}, so the
 * client's search_path handling is exercised by every test.
 */
@Timeout(120)
class AsyncPgTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PgEndpoint database;

    private String schema;
    private PgEndpoint endpoint;

    @BeforeAll
    static void createDatabase() {
        database = SharedPostgres.get().createDatabase("AsyncPgTest");
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.get().drop(database);
    }

    @BeforeEach
    void createSchema() throws SQLException {
        // A fixed prefix and a counter: an identifier from a fixed set, never from input.
        schema = "async_test_" + SCHEMAS.incrementAndGet();
        execute("CREATE SCHEMA " + schema);
        endpoint = database.withParameter("currentSchema", schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @ParameterizedTest(name = "pipeliningLimit={0}")
    @ValueSource(ints = {1, 256})
    void guideExampleInsertsBatchesAndAverages(int pipeliningLimit) throws SQLException {
        try (AsyncPg pg = AsyncPg.connect(endpoint, AsyncPgSettings.guide().withPipeliningLimit(pipeliningLimit))) {
            pg.createMetricsTable().join();

            InsertedMetric first = pg.insertMetric("cpu_usage", 45.2).join();
            int inserted = pg.insertMetrics(Metrics.guideSamples(1000)).join();
            List<MetricAverage> top = pg.topAverages(10).join();

            assertEquals(1, first.id());
            assertNotNull(first.recordedAt());
            assertEquals(1000, inserted);
            List<MetricAverage> expected = new ArrayList<>();
            for (int i = 999; i >= 990; i--) {
                expected.add(new MetricAverage("metric_" + i, i));
            }
            assertEquals(expected, top);
            assertEquals(Optional.of(new Metric(1, "cpu_usage", 45.2, first.recordedAt())), pg.metricById(1).join());
            assertEquals(Optional.empty(), pg.metricById(5_000).join());
            try (Connection c = endpoint.connect()) {
                assertEquals(top, Metrics.topAverages(c, 10), "JDBC and Vert.x read the same averages");
                assertEquals(Metrics.byId(c, 1), pg.metricById(1).join(), "JDBC and Vert.x read the same row");
            }
        }
        assertEquals(1, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'metrics'", schema),
                "currentSchema became the search_path: the table is in the test's schema");
    }

    @Test
    void jdbcCounterpartsMatchTheAsyncOperations() throws SQLException {
        try (Connection c = endpoint.connect()) {
            Metrics.createTable(c);
            InsertedMetric first = Metrics.insert(c, "cpu_usage", 45.2);
            assertEquals(1000, Metrics.insertBatch(c, Metrics.guideSamples(1000)));
            assertEquals(Optional.of(new Metric(1, "cpu_usage", 45.2, first.recordedAt())), Metrics.byId(c, first.id()));
            try (AsyncPg pg = AsyncPg.connect(endpoint, AsyncPgSettings.guide())) {
                assertEquals(Metrics.topAverages(c, 10), pg.topAverages(10).join());
                assertEquals(Metrics.byId(c, 500), pg.metricById(500).join());
            }
        }
    }

    @ParameterizedTest(name = "pipeliningLimit={0}")
    @ValueSource(ints = {1, 256})
    void sqlErrorFailsTheFutureWithTheSqlState(int pipeliningLimit) {
        try (AsyncPg pg = AsyncPg.connect(endpoint, AsyncPgSettings.guide().withPipeliningLimit(pipeliningLimit))) {
            CompletionException e = assertThrows(CompletionException.class, () -> pg.insertMetric("cpu_usage", 1.0).join());

            DatabaseException dbe = assertInstanceOf(DatabaseException.class, e.getCause());
            assertEquals("42P01", dbe.sqlState());
            assertEquals("[" + pg + "] insert metric failed (42P01 relation \"metrics\" does not exist)", dbe.getMessage());
            assertInstanceOf(io.vertx.pgclient.PgException.class, dbe.getCause());

            pg.createMetricsTable().join();
            assertEquals(1, pg.insertMetric("cpu_usage", 1.0).join().id(), "the pool is usable after a failed statement");
        }
    }

    @Test
    void batchIsAllOrNothingOnBothSides() throws SQLException {
        List<MetricSample> samples = new ArrayList<>(Metrics.guideSamples(10));
        samples.set(5, new MetricSample(null, 5));
        try (AsyncPg pg = AsyncPg.connect(endpoint, AsyncPgSettings.guide())) {
            pg.createMetricsTable().join();

            CompletionException e = assertThrows(CompletionException.class, () -> pg.insertMetrics(samples).join());

            DatabaseException dbe = assertInstanceOf(DatabaseException.class, e.getCause());
            assertEquals("23502", dbe.sqlState());
            assertTrue(dbe.getMessage().contains("insert 10 metrics failed (23502 null value in column \"name\""), dbe.getMessage());
            assertEquals(0, count("SELECT count(*) FROM " + schema + ".metrics"));
            assertEquals(0, pg.insertMetrics(List.of()).join());
        }
        try (Connection c = endpoint.connect()) {
            SQLException e = assertThrows(SQLException.class, () -> Metrics.insertBatch(c, samples));
            assertTrue(e.getMessage().contains("null value in column \"name\""), e.getMessage());
        }
        assertEquals(0, count("SELECT count(*) FROM " + schema + ".metrics"));
    }

    @ParameterizedTest(name = "pipeliningLimit={0}")
    @ValueSource(ints = {1, 256})
    void concurrentCallersGetDistinctRows(int pipeliningLimit) throws Exception {
        int threads = 4;
        int perThread = 100;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try (AsyncPg pg = AsyncPg.connect(endpoint, new AsyncPgSettings(4, pipeliningLimit))) {
            pg.createMetricsTable().join();
            List<Future<List<InsertedMetric>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int caller = t;
                results.add(callers.submit(() -> {
                    List<CompletableFuture<InsertedMetric>> inFlight = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        inFlight.add(pg.insertMetric("caller_" + caller, i));
                    }
                    return inFlight.stream().map(CompletableFuture::join).toList();
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<InsertedMetric>> r : results) {
                r.get(60, TimeUnit.SECONDS).forEach(m -> ids.add(m.id()));
            }

            assertEquals(threads * perThread, ids.size());
            List<CompletableFuture<Optional<Metric>>> reads = ids.stream().map(pg::metricById).toList();
            Set<Long> readBack = reads.stream().map(f -> f.join().orElseThrow().id()).collect(Collectors.toSet());
            assertEquals(ids, readBack);
            assertEquals(threads * perThread, count("SELECT count(*) FROM " + schema + ".metrics"));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void hostileStringsRoundTrip() {
        // No NUL character: PostgreSQL text cannot hold one (22021), whatever the client.
        List<String> hostile = List.of(
                "'); DROP TABLE metrics; --",
                "\"double\" and 'single' quotes",
                "back\\slash and 100% _like_ E'\\x00'",
                "line one\nline two\r\n\ttab",
                "ünïcødé, 中文, emoji 🎉👩‍💻",
                "$1, $2, ?, :name",
                "x".repeat(100_000));
        try (AsyncPg pg = AsyncPg.connect(endpoint, AsyncPgSettings.guide())) {
            pg.createMetricsTable().join();
            for (String s : hostile) {
                long id = pg.insertMetric(s, 1.5).join().id();
                assertEquals(s, pg.metricById(id).join().orElseThrow().name());
            }
            assertEquals(hostile.size(), pg.topAverages(100).join().size());
        }
    }

    @Test
    void closeStopsTheEventLoopsAndRefusesLaterCalls() throws Exception {
        Set<Thread> before = vertxThreads();
        AsyncPg pg = AsyncPg.connect(endpoint, AsyncPgSettings.guide());
        pg.createMetricsTable().join();
        pg.insertMetric("cpu_usage", 1.0).join();
        Set<Thread> started = vertxThreads();
        started.removeAll(before);
        assertTrue(started.stream().anyMatch(t -> t.getName().startsWith("vert.x-eventloop-thread-")), "event loops ran: " + started);

        pg.close();

        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(t.isAlive(), t.getName() + " still alive 10 s after close");
        }
        CompletionException e = assertThrows(CompletionException.class, () -> pg.topAverages(10).join());
        IllegalStateException closed = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(closed.getMessage().endsWith("select top 10 averages refused: this AsyncPg is closed. Connect a new one with AsyncPg.connect(endpoint, settings)"),
                closed.getMessage());
        pg.close();
    }

    @Test
    void unreachableServerFailsTheFutureNotTheCaller() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgEndpoint nowhere = new PgEndpoint("jdbc:postgresql://127.0.0.1:" + port + "/app", "app", "secret");
        try (AsyncPg pg = AsyncPg.connect(nowhere, AsyncPgSettings.guide())) {
            CompletionException e = assertThrows(CompletionException.class, () -> pg.topAverages(10).join());
            DatabaseException dbe = assertInstanceOf(DatabaseException.class, e.getCause());
            assertTrue(dbe.getMessage().startsWith("[vertx-pg " + nowhere + "] select top 10 averages failed ("), dbe.getMessage());
            assertTrue(dbe.getMessage().contains("Connection refused"), dbe.getMessage());
            assertFalse(dbe.getMessage().contains("secret"));
        }
    }

    @Test
    void connectOptionsComeFromTheEndpoint() {
        PgEndpoint e = new PgEndpoint("jdbc:postgresql://db.example:6543/shop?currentSchema=sales&ApplicationName=my%20app&sslmode=disable", "clerk", "pw");

        PgConnectOptions o = AsyncPg.connectOptions(e, new AsyncPgSettings(3, 1));

        assertEquals("db.example", o.getHost());
        assertEquals(6543, o.getPort());
        assertEquals("shop", o.getDatabase());
        assertEquals("clerk", o.getUser());
        assertEquals("pw", o.getPassword());
        assertEquals(1, o.getPipeliningLimit());
        assertEquals("sales", o.getProperties().get("search_path"));
        assertEquals("my app", o.getProperties().get("application_name"));
        PgEndpoint loginInUrl = new PgEndpoint("jdbc:postgresql://h/d?user=postgres&password=s3", "ignored", "ignored");
        assertEquals("postgres", AsyncPg.connectOptions(loginInUrl, AsyncPgSettings.guide()).getUser(), "as in pgjdbc, the URL's user wins");
        assertEquals("s3", AsyncPg.connectOptions(loginInUrl, AsyncPgSettings.guide()).getPassword());
        assertEquals(PgConnectOptions.DEFAULT_PORT, AsyncPg.connectOptions(new PgEndpoint("jdbc:postgresql://h/d", "u", ""), AsyncPgSettings.guide()).getPort());
    }

    @Test
    void unsupportedUrlParameterIsRefusedWithTheFix() {
        PgEndpoint e = new PgEndpoint("jdbc:postgresql://localhost:5432/app?tcpKeepAlive=true", "app", "");

        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> AsyncPg.connect(e, AsyncPgSettings.guide()));

        assertEquals("[vertx-pg] JDBC URL parameter \"tcpKeepAlive\" in " + e + " has no Vert.x equivalent here"
                + " (supported: user, password, currentSchema, ApplicationName, sslmode=disable). Remove it from the URL (--pg-url / DBBENCH_PG_URL)", ex.getMessage());
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class, () -> new AsyncPgSettings(0, 1));
        assertEquals("[vertx-pg] poolSize must be at least 1, was 0", pool.getMessage());
        IllegalArgumentException pipe = assertThrows(IllegalArgumentException.class, () -> AsyncPgSettings.guide().withPipeliningLimit(0));
        assertEquals("[vertx-pg] pipeliningLimit must be at least 1 (1 = no pipelining), was 0", pipe.getMessage());
        assertFalse(AsyncPgSettings.guide().withoutPipelining().pipelined());
    }

    private static Set<Thread> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vert.x-") || t.getName().startsWith("vertx-"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private int count(String sql, Object... args) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw DatabaseException.of("count", e);
        }
    }
}
