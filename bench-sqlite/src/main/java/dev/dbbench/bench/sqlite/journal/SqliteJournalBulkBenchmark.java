package dev.dbbench.bench.sqlite.journal;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.OnDatabase;
import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.sqlite.NewUser;
import dev.dbbench.core.sqlite.SqliteSettings;
import dev.dbbench.core.sqlite.SqliteSettings.JournalMode;
import dev.dbbench.core.sqlite.SqliteSettings.Synchronous;
import dev.dbbench.core.sqlite.SqliteUsers;
import dev.dbbench.core.sqlite.UserInsertStrategy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * Do journal_mode and synchronous matter for one bulk transaction in SQLite? The same grid as
 * {@link SqliteJournalCommitBenchmark}, for the guide's bulk_insert_users: {@code rows} users as
 * one JDBC batch of INSERT OR IGNORE in one transaction.
 *
 * <p>Measured: one call, including opening its connection, into the empty {@code users} table of
 * a fresh file in the parameters' modes. Excluded: creating the file and schema (per-iteration
 * setup). SingleShotTime, so that every measured call starts from an empty table and a fresh file
 * (see {@code SqliteInsertBenchmark} for why a fresh file is the honest reset); a call takes
 * milliseconds, so a few more iterations than there are for the insert benchmark keep the error small.
 *
 * <p>Expected shape: far flatter than the commit benchmark. One commit means one round of fsyncs
 * per call, spread over thousands of rows; what remains is the journal's own writing: DELETE and
 * TRUNCATE write each changed page's old content to the rollback journal before changing it (little
 * for a table that starts empty), WAL writes the changed pages to the WAL and later checkpoints.
 *
 * <p>Quick settings: 2 forks x (5 warm-up + 5 measured shots), about 22 s for its 12 combinations
 * (measured: the mean of the two quick runs of 2026-12-03 on a clean clone, third session;
 * the whole quick plan is in docs/quick-budget.md). Two
 * forks because the report's interval treats the fork as the unit and gives no verdict from one; a
 * shot is a 10,000-row insert of tens of milliseconds, so five warm-up and five measured shots cost
 * little.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@Fork(2)
@State(Scope.Benchmark)
@OnDatabase(Dialect.SQLITE)
public class SqliteJournalBulkBenchmark {

    @Param
    public JournalMode journalMode;

    @Param
    public Synchronous synchronous;

    @Param({"10000"})
    public int rows;

    private List<NewUser> users;
    private DatabaseTarget target;
    private Database db;
    private SqliteUsers table;

    @Setup(Level.Trial)
    public void createUsers() {
        users = IntStream.range(0, rows).mapToObj(i -> new NewUser("user" + i + "@example.com", "User " + i)).toList();
    }

    @Setup(Level.Iteration)
    public void createEmptyTable() {
        target = DatabaseTarget.of(getClass());
        db = Databases.sqlite(target.file(), SqliteSettings.guide().withJournalMode(journalMode).withSynchronous(synchronous));
        table = new SqliteUsers(db);
        table.createSchema();
    }

    @TearDown(Level.Iteration)
    public void checkAndRemoveFile() {
        try {
            long count = table.count();
            if (count != rows) {
                throw new IllegalStateException("[sqlite journal bulk] expected " + rows + " rows after the measured call, found " + count);
            }
        } finally {
            db.close();
            target.close();
        }
    }

    @Benchmark
    public int bulkInsert() {
        return table.insertAll(users, UserInsertStrategy.BATCH_ONE_TRANSACTION);
    }

    /** The table of the current iteration, for tests. */
    SqliteUsers table() {
        return table;
    }
}
