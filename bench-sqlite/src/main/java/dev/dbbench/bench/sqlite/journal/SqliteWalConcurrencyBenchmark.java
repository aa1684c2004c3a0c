package dev.dbbench.bench.sqlite.journal;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.sqlite.NewUser;
import dev.dbbench.core.sqlite.PreparedUsers;
import dev.dbbench.core.sqlite.SqliteLocking;
import dev.dbbench.core.sqlite.SqliteSettings;
import dev.dbbench.core.sqlite.SqliteSettings.JournalMode;
import dev.dbbench.core.sqlite.SqliteUser;
import dev.dbbench.core.sqlite.SqliteUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does WAL let readers keep reading while a writer commits, as the guide's get_db() comment
 * ("Better concurrency") says? Three readers and one writer on one database file, in DELETE
 * (SQLite's default rollback journal) and in WAL mode.
 *
 * <p>Measured, as one JMH group: {@code reader} (3 threads) looks up a user by email among
 * {@value #SEEDED_USERS} seeded ones, one point query per call; {@code writer} (1 thread) inserts a new user per
 * call in auto-commit mode, that is one commit. The report's reader and writer rows are each
 * thread kind's throughput; the group's total is their sum. Each thread has its own connection
 * and statements prepared once (excluded: opening them, seeding).
 *
 * <p>SQLITE_BUSY: readers run with busy_timeout=0, so a read that meets the writer's lock fails
 * at once instead of sleeping in SQLite's busy handler (whose millisecond sleeps would hide the
 * contention). The reader counts it ({@code busyRetries}, an auxiliary counter in the results),
 * yields and retries, so every counted read is a successful one. The writer keeps the guide's
 * 30 s busy timeout: it must eventually commit, and in DELETE mode it waits for readers to drain.
 *
 * <p>Reset: rows the writer added are deleted before every iteration, so each iteration reads
 * and writes the same table; the file and its journal mode are set up once per trial.
 *
 * <p>Expected shape: in DELETE mode a commit takes an exclusive lock, so readers are locked out
 * for every commit (busyRetries in the thousands per second) and reader throughput drops; in WAL
 * readers read the last committed snapshot while the writer appends, so busyRetries is zero and
 * reader throughput is higher by orders of magnitude. Writer throughput can go either way: a WAL
 * commit syncs once instead of several times, but with 2 cores the readers, now succeeding,
 * compete with the writer for CPU (on the development machine WAL's writer was a little slower).
 *
 * <p>Quick settings: 2 forks x (2 x 300 ms warm-up + 3 x 300 ms), about 15 s for its 2 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one;
 * operations of microseconds to about a millisecond, so an iteration of 0.3 s holds hundreds to
 * thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Group)
@OnDatabase(Dialect.SQLITE)
public class SqliteWalConcurrencyBenchmark {

    static final int SEEDED_USERS = 10_000;

    @Param({"DELETE", "WAL"})
    public JournalMode journalMode;

    private DatabaseTarget target;
    private Database writerDb;
    private Database readerDb;
    private List<String> emails;

    @Setup(Level.Trial)
    public void seed() {
        target = DatabaseTarget.of(getClass());
        SqliteSettings settings = SqliteSettings.guide().withJournalMode(journalMode);
        writerDb = Databases.sqlite(target.file(), settings);
        readerDb = Databases.sqlite(target.file(), settings.withBusyTimeout(Duration.ZERO));
        SqliteUsers users = new SqliteUsers(writerDb);
        users.createSchema();
        List<NewUser> seeded = IntStream.range(0, SEEDED_USERS).mapToObj(i -> new NewUser("user" + i + "@example.com", "User " + i)).toList();
        users.bulkInsert(seeded);
        emails = seeded.stream().map(NewUser::email).toList();
    }

    @Setup(Level.Iteration)
    public void removeWrittenRows() {
        writerDb.useConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id > ?")) {
                ps.setInt(1, SEEDED_USERS);
                ps.executeUpdate();
            }
        });
    }

    @TearDown(Level.Trial)
    public void removeFile() {
        writerDb.close();
        readerDb.close();
        target.close();
    }

    /** A reader's own connection and statements, and where it is in the seeded emails. */
    @State(Scope.Thread)
    public static class Reader {
        private Connection connection;
        private PreparedUsers prepared;
        private int next;

        @Setup(Level.Trial)
        public void open(SqliteWalConcurrencyBenchmark shared) throws SQLException {
            // Readers have no busy timeout, so an open that meets another thread's WAL recovery
            // (SQLITE_BUSY_RECOVERY, seen once in CI's smoke run) fails at once: retried here, unmeasured.
            for (int attempt = 1; ; attempt++) {
                try {
                    connection = shared.readerDb.open();
                    break;
                } catch (dev.dbbench.core.DatabaseException e) {
                    if (attempt == 100 || String.valueOf(e.getMessage()).indexOf("SQLITE_BUSY") < 0) {
                        throw e;
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
            prepared = PreparedUsers.on(connection);
            // Threads start at different places so they do not read the same pages in lockstep.
            next = (int) (Thread.currentThread().getId() * 7919 % SEEDED_USERS);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                prepared.close();
            } finally {
                connection.close();
            }
        }

        String nextEmail(List<String> emails) {
            next = (next + 1) % emails.size();
            return emails.get(next);
        }
    }

    /** What readers met: SQLITE_BUSY failures, each followed by a retry. Reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ReaderCounters {
        public long busyRetries;

        @Setup(Level.Iteration)
        public void reset() {
            busyRetries = 0;
        }
    }

    /** The writer's own connection and prepared insert; its emails never collide with seeded ones. */
    @State(Scope.Thread)
    public static class Writer {
        private Connection connection;
        private PreparedUsers prepared;
        private long next;

        @Setup(Level.Trial)
        public void open(SqliteWalConcurrencyBenchmark shared) throws SQLException {
            connection = shared.writerDb.open();
            prepared = PreparedUsers.on(connection);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                prepared.close();
            } finally {
                connection.close();
            }
        }
    }

    @Benchmark
    @Group("readWhileWriting")
    @GroupThreads(3)
    public SqliteUser reader(Reader reader, ReaderCounters counters) {
        String email = reader.nextEmail(emails);
        SqliteUser user;
        while ((user = tryRead(reader, email, counters)) == null) {
            Thread.yield();
        }
        return user;
    }

    @Benchmark
    @Group("readWhileWriting")
    @GroupThreads(1)
    public boolean writer(Writer writer) {
        long i = writer.next++;
        try {
            return writer.prepared.insertOrIgnore(new NewUser("written" + i + "@example.com", "Written " + i));
        } catch (SQLException e) {
            throw DatabaseException.of("[sqlite " + journalMode + " writer] commit of row " + i, e);
        }
    }

    /** One read attempt: the user, or null when the read met SQLITE_BUSY (counted). */
    static SqliteUser tryRead(Reader reader, String email, ReaderCounters counters) {
        try {
            return reader.prepared.findByEmail(email)
                    .orElseThrow(() -> new IllegalStateException("[sqlite concurrency] seeded user " + email + " is missing"));
        } catch (SQLException e) {
            if (SqliteLocking.isBusy(e)) {
                counters.busyRetries++;
                return null;
            }
            throw DatabaseException.of("[sqlite concurrency reader] find " + email, e);
        }
    }

    /** The writer's database, for tests. */
    Database writerDatabase() {
        return writerDb;
    }
}
