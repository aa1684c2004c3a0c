package dev.dbbench.bench.sqlite.journal;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.DatabaseException;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.sqlite.NewUser;
import dev.dbbench.core.sqlite.PreparedUsers;
import dev.dbbench.core.sqlite.SqliteSettings;
import dev.dbbench.core.sqlite.SqliteSettings.JournalMode;
import dev.dbbench.core.sqlite.SqliteSettings.Synchronous;
import dev.dbbench.core.sqlite.SqliteUsers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Which journal_mode and synchronous setting make many small commits cheapest in SQLite? The
 * guide sets journal_mode=WAL in get_db() and leaves synchronous at SQLite's default (FULL); the
 * baseline is SQLite's own default, DELETE with FULL.
 *
 * <p>Measured: one INSERT OR IGNORE of a new user in auto-commit mode, that is one commit, on a
 * connection opened before the iteration, with the statement prepared once (as Python's statement
 * cache does). Excluded: opening the connection, creating the file and schema.
 *
 * <p>Reset: every iteration gets a fresh database file in the parameters' modes, so each
 * iteration starts from an empty table and no WAL or journal left by an earlier one. Within an
 * iteration the table grows by one row per call; a B-tree insert grows with log(rows), which is
 * negligible next to a commit.
 *
 * <p>Expected shape: synchronous decides most of it, because it decides the fsyncs per commit.
 * With FULL, DELETE syncs the rollback journal and the database and deletes the journal (several
 * fsyncs and a directory change per commit), TRUNCATE saves the unlink, WAL appends to one file
 * and syncs it once, MEMORY keeps the journal in RAM (but a crash mid-commit can corrupt the
 * file). NORMAL in WAL mode syncs only at checkpoints, so WAL+NORMAL should come close to OFF.
 * With OFF nothing is synced and the modes differ only in the work of writing the journal.
 *
 * <p>Quick settings: 2 forks x (2 x 200 ms warm-up + 3 x 200 ms), about 34 s for its 12
 * combinations (planned from the settings with the shot times of the quick run of 2026-11-25 and
 * the fork start-ups of CI's smoke run of 2026-12-03; the whole quick plan is in
 * docs/quick-budget.md). Two forks because the report's interval treats the fork as the unit and
 * gives no verdict from one; operations of microseconds to about a millisecond, so an iteration of
 * 0.3 s holds hundreds to thousands of them and the time goes to a second fork instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Thread)
@OnDatabase(Dialect.SQLITE)
public class SqliteJournalCommitBenchmark {

    @Param
    public JournalMode journalMode;

    @Param
    public Synchronous synchronous;

    private DatabaseTarget target;
    private Database db;
    private Connection connection;
    private PreparedUsers prepared;
    private long next;

    @Setup(Level.Iteration)
    public void openFreshFile() throws SQLException {
        target = DatabaseTarget.of(getClass());
        db = Databases.sqlite(target.file(), SqliteSettings.guide().withJournalMode(journalMode).withSynchronous(synchronous));
        connection = db.open();
        SqliteUsers.createSchema(connection);
        prepared = PreparedUsers.on(connection);
        next = 0;
    }

    @TearDown(Level.Iteration)
    public void removeFile() throws SQLException {
        try {
            prepared.close();
            connection.close();
        } finally {
            db.close();
            target.close();
        }
    }

    @Benchmark
    public boolean commitOneRow() {
        long i = next++;
        try {
            return prepared.insertOrIgnore(new NewUser("user" + i + "@example.com", "User " + i));
        } catch (SQLException e) {
            throw DatabaseException.of("[sqlite journal " + journalMode + "/" + synchronous + "] commit of row " + i, e);
        }
    }

    /** The database of the current iteration, for tests. */
    Database database() {
        return db;
    }
}
