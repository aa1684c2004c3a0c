package dev.dbbench.core.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The guide's aiosqlite example (section 8) on a real SQLite file, one worker thread per instance. */
@Timeout(60)
class AsyncSqliteTest {
    private SqliteDirectory dir;
    private Database db;
    private AsyncSqlite async;

    @BeforeEach
    void openDatabase() {
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("async_app.db"));
        async = AsyncSqlite.open(db);
        async.createEventsTable().join();
    }

    @AfterEach
    void removeDatabase() {
        try {
            async.close();
            db.close();
        } finally {
            dir.close();
        }
    }

    @Test
    void guideExampleInsertsCommitsAndReadsRecords() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = async.insertEvent("login", "{\"user\": \"alice\"}").join();
        async.commit().join();
        Instant after = Instant.now();

        List<Event> latest = async.latestEvents(10).join();

        assertEquals(1, latest.size());
        Event event = latest.get(0);
        assertEquals(id, event.id());
        assertEquals("login", event.type());
        assertEquals("{\"user\": \"alice\"}", event.data());
        assertFalse(event.createdAt().isBefore(before), event.createdAt() + " is before " + before);
        assertFalse(event.createdAt().isAfter(after), event.createdAt() + " is after " + after);
    }

    @Test
    void latestIsTheNewestTenNewestFirst() {
        for (int i = 1; i <= 15; i++) {
            async.insertEvent("tick", "n=" + i);
        }
        async.commit().join();

        List<Event> latest = async.latestEvents(10).join();

        assertEquals(LongStream.rangeClosed(6, 15).map(i -> 21 - i).boxed().toList(), latest.stream().map(Event::id).toList());
        assertEquals("n=15", latest.get(0).data());
        assertNull(async.insertEvent("no-data", null).thenCompose(nothing -> async.latestEvents(1)).join().get(0).data());
    }

    @Test
    void insertsStayInvisibleToOthersUntilCommitAndCloseDiscardsUncommitted() throws SQLException {
        async.insertEvent("login", "committed").join();
        async.commit().join();
        async.insertEvent("login", "pending").join();

        assertEquals(2, async.latestEvents(10).join().size(), "own uncommitted insert is visible to its own connection");
        assertEquals(1, countFromAnotherConnection());

        async.close();
        assertEquals(1, countFromAnotherConnection(), "close discards the uncommitted insert, as sqlite3 does");
    }

    @Test
    void readsSeeWhatOtherConnectionsCommitted() {
        assertEquals(List.of(), async.latestEvents(10).join());

        db.useTransaction(c -> Events.insert(c, "login", "from another connection"));

        assertEquals(List.of("from another connection"), async.latestEvents(10).join().stream().map(Event::data).toList(),
                "a read with no writes pending keeps no snapshot, as sqlite3 opens no transaction for a SELECT");
    }

    @Test
    void badSqlFailsTheFutureWithDatabaseExceptionKeepingTheDriverError() {
        CompletableFuture<Integer> bad = async.call("select typo", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELEC 1")) {
                return rs.getInt(1);
            }
        });

        CompletionException e = assertThrows(CompletionException.class, bad::join);
        DatabaseException dbe = assertInstanceOf(DatabaseException.class, e.getCause());
        assertTrue(dbe.getMessage().startsWith("[sqlite-async " + db.description() + "] select typo failed ("), dbe.getMessage());
        assertTrue(dbe.getMessage().contains("near \"SELEC\": syntax error"), dbe.getMessage());
        // SQLite reports result codes, not SQLStates: the state is the driver's (null), the code is on the cause.
        assertNull(dbe.sqlState());
        assertEquals(SQLiteErrorCode.SQLITE_ERROR, assertInstanceOf(SQLiteException.class, dbe.getCause()).getResultCode());
    }

    @Test
    void constraintViolationFailsOnlyThatCall() {
        CompletionException e = assertThrows(CompletionException.class, () -> async.insertEvent(null, "no type").join());
        DatabaseException dbe = assertInstanceOf(DatabaseException.class, e.getCause());
        assertTrue(dbe.getMessage().contains("insert event failed") && dbe.getMessage().contains("NOT NULL constraint failed: events.type"), dbe.getMessage());
        assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL, ((SQLiteException) dbe.getCause()).getResultCode());

        async.insertEvent("login", "after the failure").join();
        async.commit().join();
        assertEquals(List.of("after the failure"), async.latestEvents(10).join().stream().map(Event::data).toList());
    }

    @Test
    void inTransactionRollsBackWhenTheWorkFails() {
        CompletableFuture<Long> failing = async.inTransaction("insert then fail", c -> {
            Events.insert(c, "login", "rolled back");
            throw new SQLException("business rule refused the event", "P0001");
        });

        CompletionException e = assertThrows(CompletionException.class, failing::join);
        DatabaseException dbe = assertInstanceOf(DatabaseException.class, e.getCause());
        assertEquals("P0001", dbe.sqlState());
        assertTrue(dbe.getMessage().endsWith("insert then fail failed (P0001 business rule refused the event)"), dbe.getMessage());
        assertEquals(List.of(), async.latestEvents(10).join());
    }

    @Test
    void concurrentCallersAreSerialisedOnTheOneConnection() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int caller = t;
                results.add(callers.submit(() -> {
                    List<CompletableFuture<Long>> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(async.insertEvent("caller-" + caller, Integer.toString(i)));
                    }
                    return ids.stream().map(CompletableFuture::join).toList();
                }));
            }
            Set<Long> ids = new TreeSet<>();
            for (Future<List<Long>> r : results) {
                ids.addAll(r.get(30, TimeUnit.SECONDS));
            }
            async.commit().join();

            assertEquals(LongStream.rangeClosed(1, threads * perThread).boxed().collect(Collectors.toCollection(TreeSet::new)), ids);
            assertEquals(threads * perThread, countFromAnotherConnection());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void hostileStringsRoundTrip() throws SQLException {
        List<String> hostile = List.of(
                "'); DROP TABLE events; --",
                "\"double\" and 'single' quotes",
                "back\\slash and 100% _like_",
                "line one\nline two\r\n\ttab",
                "ünïcødé, 中文, emoji 🎉👩‍💻",
                "?, ?1, :name, $1",
                "x".repeat(100_000));
        for (String s : hostile) {
            async.insertEvent(s, s);
        }
        async.commit().join();

        List<Event> back = async.latestEvents(hostile.size()).join();

        List<String> expected = new ArrayList<>(hostile);
        Collections.reverse(expected);
        assertEquals(expected, back.stream().map(Event::type).toList());
        assertEquals(expected, back.stream().map(Event::data).toList());
        assertEquals(1, countFromAnotherConnection("SELECT count(*) FROM sqlite_master WHERE name = 'events'"));
    }

    @Test
    void closeFinishesQueuedCallsThenEndsTheWorkerAndRefusesLaterCalls() throws Exception {
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queued.add(async.insertEvent("queued", Integer.toString(i)));
        }
        CompletableFuture<Void> commit = async.commit();
        Set<Thread> workers = workerThreads();
        assertEquals(1, workers.size(), "one worker thread per instance");

        async.close();

        commit.join();
        assertTrue(queued.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
        assertEquals(100, countFromAnotherConnection());
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(worker.isAlive(), worker.getName() + " still alive after close");
        }
        assertTrue(async.isClosed());
        CompletionException e = assertThrows(CompletionException.class, () -> async.latestEvents(10).join());
        IllegalStateException closed = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(closed.getMessage().contains("select latest 10 events refused: this AsyncSqlite is closed"), closed.getMessage());
        async.close();
    }

    @Test
    void refusesAPostgresDatabase() {
        try (Database pg = Databases.postgres(new PgEndpoint("jdbc:postgresql://localhost:5432/app", "app", ""))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsyncSqlite.open(pg));
            assertTrue(e.getMessage().startsWith("[sqlite-async] needs a SQLite database, got POSTGRES"), e.getMessage());
            assertTrue(e.getMessage().endsWith("Use AsyncPg for PostgreSQL"), e.getMessage());
        }
    }

    private Set<Thread> workerThreads() {
        Set<Thread> mine = new HashSet<>();
        CompletableFuture<Thread> worker = async.call("which thread", c -> Thread.currentThread());
        mine.add(worker.join());
        return mine;
    }

    private int countFromAnotherConnection() throws SQLException {
        return countFromAnotherConnection("SELECT count(*) FROM events");
    }

    private int countFromAnotherConnection(String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
