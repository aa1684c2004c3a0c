package dev.dbbench.bench.sqlite.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.sqlite.SqliteSettings.JournalMode;
import dev.dbbench.core.sqlite.SqliteSettings.Synchronous;
import dev.dbbench.core.sqlite.SqliteUser;
import dev.dbbench.core.sqlite.SqliteUsers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every journal_mode/synchronous pair does the same work and really runs in the mode it names. */
class SqliteJournalBenchmarksTest {

    record Row(long id, String email, String name) {}

    @Test
    void commitBenchmarkLeavesTheSameRowsInEveryMode() throws SQLException {
        List<Row> expected = null;
        for (JournalMode mode : JournalMode.values()) {
            for (Synchronous sync : Synchronous.values()) {
                SqliteJournalCommitBenchmark bench = new SqliteJournalCommitBenchmark();
                bench.journalMode = mode;
                bench.synchronous = sync;
                bench.openFreshFile();
                try {
                    assertMode(bench.database().open(), mode, sync);
                    for (int i = 0; i < 50; i++) {
                        assertTrue(bench.commitOneRow(), mode + "/" + sync);
                    }
                    List<Row> rows = rows(new SqliteUsers(bench.database()).all());
                    assertEquals(50, rows.size());
                    if (expected == null) {
                        expected = rows;
                    }
                    assertEquals(expected, rows, mode + "/" + sync);
                } finally {
                    bench.removeFile();
                }
            }
        }
    }

    @Test
    void bulkBenchmarkLeavesTheSameRowsInEveryMode() throws SQLException {
        List<Row> expected = null;
        for (JournalMode mode : JournalMode.values()) {
            for (Synchronous sync : Synchronous.values()) {
                SqliteJournalBulkBenchmark bench = new SqliteJournalBulkBenchmark();
                bench.journalMode = mode;
                bench.synchronous = sync;
                bench.rows = 500;
                bench.createUsers();
                bench.createEmptyTable();
                try {
                    assertMode(bench.table().database().open(), mode, sync);
                    assertEquals(500, bench.bulkInsert());
                    List<Row> rows = rows(bench.table().all());
                    if (expected == null) {
                        expected = rows;
                    }
                    assertEquals(expected, rows, mode + "/" + sync);
                } finally {
                    bench.checkAndRemoveFile();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "WAL"})
    void concurrencyReadersFindTheSeededUsersAndWriterCommits(JournalMode mode) throws SQLException {
        SqliteWalConcurrencyBenchmark bench = new SqliteWalConcurrencyBenchmark();
        bench.journalMode = mode;
        bench.seed();
        SqliteWalConcurrencyBenchmark.Reader reader = new SqliteWalConcurrencyBenchmark.Reader();
        SqliteWalConcurrencyBenchmark.ReaderCounters counters = new SqliteWalConcurrencyBenchmark.ReaderCounters();
        SqliteWalConcurrencyBenchmark.Writer writer = new SqliteWalConcurrencyBenchmark.Writer();
        try {
            reader.open(bench);
            writer.open(bench);
            bench.removeWrittenRows();
            counters.reset();
            assertMode(bench.writerDatabase().open(), mode, Synchronous.FULL);
            for (int i = 0; i < 20; i++) {
                SqliteUser user = bench.reader(reader, counters);
                assertTrue(user.email().matches("user\\d+@example\\.com") && user.name().equals("User " + user.email().replaceAll("\\D", "")), user.toString());
                assertTrue(bench.writer(writer));
            }
            assertEquals(SqliteWalConcurrencyBenchmark.SEEDED_USERS + 20, new SqliteUsers(bench.writerDatabase()).count());
            bench.removeWrittenRows();
            assertEquals(SqliteWalConcurrencyBenchmark.SEEDED_USERS, new SqliteUsers(bench.writerDatabase()).count());
            assertEquals(0, counters.busyRetries, "no contention without a concurrent writer");
        } finally {
            writer.close();
            reader.close();
            bench.removeFile();
        }
    }

    @Test
    void busyReadsInDeleteModeAreCountedNotThrown() throws SQLException {
        SqliteWalConcurrencyBenchmark bench = new SqliteWalConcurrencyBenchmark();
        bench.journalMode = JournalMode.DELETE;
        bench.seed();
        SqliteWalConcurrencyBenchmark.Reader reader = new SqliteWalConcurrencyBenchmark.Reader();
        SqliteWalConcurrencyBenchmark.ReaderCounters counters = new SqliteWalConcurrencyBenchmark.ReaderCounters();
        try (Connection locker = bench.writerDatabase().open(); Statement s = locker.createStatement()) {
            reader.open(bench);
            // An exclusive lock is what a DELETE-mode commit holds while it writes the database file.
            s.execute("BEGIN EXCLUSIVE");
            assertNull(SqliteWalConcurrencyBenchmark.tryRead(reader, "user1@example.com", counters));
            assertNull(SqliteWalConcurrencyBenchmark.tryRead(reader, "user1@example.com", counters));
            assertEquals(2, counters.busyRetries);
            s.execute("COMMIT");
            assertEquals("User 1", SqliteWalConcurrencyBenchmark.tryRead(reader, "user1@example.com", counters).name());
            assertEquals(2, counters.busyRetries);
        } finally {
            reader.close();
            bench.removeFile();
        }
    }

    private static void assertMode(Connection c, JournalMode mode, Synchronous sync) throws SQLException {
        try (c; Statement s = c.createStatement()) {
            assertEquals(mode.name().toLowerCase(java.util.Locale.ROOT), single(s, "PRAGMA journal_mode"));
            assertEquals(String.valueOf(sync.ordinal()), single(s, "PRAGMA synchronous"), "OFF=0, NORMAL=1, FULL=2");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Row> rows(List<SqliteUser> users) {
        List<Row> rows = new ArrayList<>();
        users.forEach(u -> rows.add(new Row(u.id(), u.email(), u.name())));
        return rows;
    }
}
