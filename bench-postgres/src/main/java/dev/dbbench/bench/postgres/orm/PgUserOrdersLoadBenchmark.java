package dev.dbbench.bench.postgres.orm;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.orm.SampleData;
import dev.dbbench.core.orm.UserOrderSchema;
import dev.dbbench.core.orm.UserOrdersLoader;
import dev.dbbench.core.orm.UserWithOrders;
import dev.dbbench.core.provision.PgEndpoint;
import dev.dbbench.core.provision.SharedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * How should I load users with their orders from PostgreSQL: lazily per user (N+1), with one JOIN,
 * or with two queries (users, then orders WHERE user_id IN (...))?
 *
 * <p>Measured: building the whole graph of 1,000 users with 5 orders each (6,000 order rows) into
 * {@link UserWithOrders} records over one open pgjdbc connection to the suite's provisioned server.
 * Excluded: opening the connection, creating, filling and analysing the tables (once per trial;
 * nothing is written while measuring, so every iteration does the same work).
 *
 * <p>Expected: {@code nPlusOne} far slower, by an order of magnitude or more: each of its 1,001
 * statements is a round trip to the server (parse/bind/execute/sync), which dwarfs the microseconds
 * the query itself takes. {@code join} and
 * {@code inBatch} within a small factor of each other, {@code join} possibly the slower despite its
 * single statement: it reads 6,000 rows of ten columns, every user's five columns repeated on each
 * of their order rows, where {@code inBatch} reads 1,000 user rows and 6,000 order rows of five.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PgUserOrdersLoadBenchmark {
    static final int USERS = 1_000;
    static final int ORDERS_PER_USER = 5;

    private PgEndpoint endpoint;
    private Database db;
    private Connection connection;
    private UserOrdersLoader loader;

    @Setup(Level.Trial)
    public void createData() throws SQLException {
        endpoint = SharedPostgres.get().createDatabase("PgUserOrdersLoadBenchmark");
        db = Databases.postgres(endpoint);
        db.useTransaction(c -> {
            UserOrderSchema.create(c, db.dialect());
            SampleData.insert(c, db.dialect(), USERS, ORDERS_PER_USER);
        });
        // Fresh statistics, so the planner picks its plans for 6,000 rows and not for empty tables.
        db.useConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE users");
                s.execute("ANALYZE orders");
            }
        });
        loader = new UserOrdersLoader(db.dialect());
        connection = db.open();
    }

    @TearDown(Level.Trial)
    public void removeData() throws SQLException {
        try {
            connection.close();
        } finally {
            SharedPostgres.get().drop(endpoint);
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

    // The ci preset's trial target: a trial's head jar may make it slower by a known fraction (InjectedSlowdown:
    // off unless the jar carries its resource, and off it costs one test of a static final field).
    @Benchmark
    public List<UserWithOrders> inBatch() throws SQLException {
        return InjectedSlowdown.around(() -> loader.inBatch(connection));
    }
}
