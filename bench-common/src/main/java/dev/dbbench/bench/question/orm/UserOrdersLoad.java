package dev.dbbench.bench.question.orm;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.core.Database;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.orm.SampleData;
import dev.dbbench.core.orm.UserOrderSchema;
import dev.dbbench.core.orm.UserOrdersLoader;
import dev.dbbench.core.orm.UserWithOrders;
import dev.dbbench.core.provision.Scale;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How should I load users with their orders: lazily per user (N+1), with one JOIN, or with two
 * queries (users, then orders WHERE user_id IN (...))? The body of the question; a subclass per
 * database names it with {@code @OnDatabase} and says what to expect there.
 *
 * <p>Measured: building the whole graph of 1,000 users with 5 orders each (6,000 order rows) into
 * {@link UserWithOrders} records, on one open connection. Excluded: opening the connection,
 * creating and filling the tables (once per trial; nothing is written while measuring, so every
 * iteration does the same work).
 *
 * <p>Expected on both: {@code join} and {@code inBatch} within a small factor of each other,
 * {@code join} possibly the slower despite its single statement: it reads 6,000 rows of ten
 * columns, every user's five columns repeated on each of their order rows, where {@code inBatch}
 * reads 1,000 user rows and 6,000 order rows of five.
 */
@State(Scope.Thread)
public abstract class UserOrdersLoad {
    public static final int USERS = 1_000;
    public static final int ORDERS_PER_USER = 5;

    private DatabaseTarget target;
    private Connection connection;
    private UserOrdersLoader loader;

    @Setup(Level.Trial)
    public void createData() throws SQLException {
        target = DatabaseTarget.of(getClass());
        Database db = target.database();
        db.useTransaction(c -> {
            UserOrderSchema.create(c, db.dialect());
            // The smoke profile scales the users down (Scale): every way of loading still runs.
            SampleData.insert(c, db.dialect(), Scale.current().rows(USERS), ORDERS_PER_USER);
        });
        if (db.dialect() == Dialect.POSTGRES) {
            // Fresh statistics, so the planner picks its plans for 6,000 rows and not for empty tables.
            // SQLite is left without sqlite_stat1, as an application that never runs ANALYZE has it.
            db.useConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE users");
                    s.execute("ANALYZE orders");
                }
            });
        }
        loader = new UserOrdersLoader(db.dialect());
        connection = db.open();
    }

    @TearDown(Level.Trial)
    public void removeData() throws SQLException {
        try {
            connection.close();
        } finally {
            target.close();
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
