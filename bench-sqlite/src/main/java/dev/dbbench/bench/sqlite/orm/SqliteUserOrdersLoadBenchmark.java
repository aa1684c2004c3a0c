package dev.dbbench.bench.sqlite.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.orm.SampleData;
import dev.dbbench.core.orm.UserOrderSchema;
import dev.dbbench.core.orm.UserOrdersLoader;
import dev.dbbench.core.orm.UserWithOrders;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How should I load users with their orders from SQLite: lazily per user (N+1), with one JOIN, or
 * with two queries (users, then orders WHERE user_id IN (...))?
 *
 * <p>Measured: building the whole graph of 1,000 users with 5 orders each (6,000 order rows) into
 * {@link UserWithOrders} records, on one open connection of a SQLite file in WAL mode with the
 * guide's settings. Excluded: opening the connection, creating and filling the tables (once per
 * trial; nothing is written while measuring, so every iteration does the same work).
 *
 * <p>Expected: {@code nPlusOne} slowest, since it prepares and runs 1,001 statements; but SQLite
 * runs in-process, so a statement costs microseconds rather than a network round trip and the gap
 * is far smaller than on PostgreSQL (a few times, not orders of magnitude). {@code join} and
 * {@code inBatch} within a small factor of each other, {@code join} possibly the slower despite its
 * single statement: it reads 6,000 rows of ten columns, every user's five columns repeated on each
 * of their order rows, where {@code inBatch} reads 1,000 user rows and 6,000 order rows of five.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
public class SqliteUserOrdersLoadBenchmark {
    static final int USERS = 1_000;
    static final int ORDERS_PER_USER = 5;

    private SqliteDirectory dir;
    private Database db;
    private Connection connection;
    private UserOrdersLoader loader;

    @Setup(Level.Trial)
    public void createData() throws SQLException {
        dir = SqliteDirectory.create();
        db = Databases.sqlite(dir.file("user-orders.db"));
        db.useTransaction(c -> {
            UserOrderSchema.create(c, db.dialect());
            SampleData.insert(c, db.dialect(), USERS, ORDERS_PER_USER);
        });
        loader = new UserOrdersLoader(db.dialect());
        connection = db.open();
    }

    @TearDown(Level.Trial)
    public void removeData() throws SQLException {
        try {
            connection.close();
        } finally {
            db.close();
            dir.close();
        }
    }

    @Benchmark
    public List<UserWithOrders> nPlusOne() throws SQLException {
        return loader.nPlusOne(connection);
    }

    @Benchmark
    public List<UserWithOrders> join() throws SQLException {
        return loader.join(connection);
    }

    @Benchmark
    public List<UserWithOrders> inBatch() throws SQLException {
        return loader.inBatch(connection);
    }
}
