package dev.dbbench.bench.sqlite.index;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideIndexes;
import dev.dbbench.core.index.GuideOrder;
import dev.dbbench.core.index.GuideQueries;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.index.IndexDefinition;
import dev.dbbench.core.index.Indexes;
import dev.dbbench.core.provision.SqliteDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
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
 * How much do the guide's indexes speed up the queries they are for, on SQLite?
 *
 * <p>Pairs of variants, each the same query without and with its index: lookup by email
 * ({@code idx_users_email}); an active user by email ({@code idx_active_users}, partial: only the
 * fifth of users that are active are in it); a user's orders since a date, oldest first
 * ({@code idx_orders_user_date}, composite). The guide's fourth, the covering index, needs
 * PostgreSQL's INCLUDE (see {@code PgIndexBenchmark}). Each variant's state builds only the table
 * it reads, with only the index it is about: 1,000,000 users or 1,000,000 orders (10 per user
 * across 100,000 users), generated in one statement and analyzed, once per trial. Nothing is
 * written while measuring.
 *
 * <p>Measured: one query on an open connection, mapped to records and returned; the keys (user
 * ids, and so emails) follow the same seeded random sequence in every variant, so each pair reads
 * the same rows. Excluded: loading, indexing, opening the connection.
 *
 * <p>Expected: without an index every query reads the whole table (a million rows), tens to a
 * hundred milliseconds; with it a B-tree search of microseconds, most of it mapping the result:
 * hundreds to thousands of times faster. The partial index answers active lookups as fast as a
 * full email index would, from a fifth of the size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class SqliteIndexBenchmark {
    static final int USERS = 1_000_000;
    static final int ORDERS = 1_000_000;
    static final int ORDER_USERS = 100_000;
    /** How many keys the sequence cycles through; enough that no one row stays hot in a cache of its own. */
    static final int KEYS = 4_096;
    static final long SEED = 42;

    /** One SQLite file with one generated table and at most one index. */
    @State(Scope.Benchmark)
    public abstract static class Table {
        /** Table sizes; a test makes them smaller. */
        int users = USERS;
        int orders = ORDERS;
        int orderUsers = ORDER_USERS;

        SqliteDirectory dir;
        Database db;
        Connection connection;
        final GuideQueries queries = new GuideQueries(Dialect.SQLITE);

        /** Fills the table the variant reads. */
        abstract void fill(Connection c) throws SQLException;

        /** The index the variant is about, or null for none. */
        abstract IndexDefinition index();

        @Setup(Level.Trial)
        public void createTable() throws SQLException {
            dir = SqliteDirectory.create();
            db = Databases.sqlite(dir.file("index.db"));
            db.useTransaction(c -> {
                GuideTables.create(c, Dialect.SQLITE);
                fill(c);
                if (index() != null) {
                    Indexes.create(c, Dialect.SQLITE, index());
                }
            });
            connection = db.open();
            GuideTables.analyze(connection, Dialect.SQLITE);
        }

        @TearDown(Level.Trial)
        public void removeTable() throws SQLException {
            try {
                connection.close();
            } finally {
                db.close();
                dir.close();
            }
        }
    }

    /** Users, primary key only. */
    public static class PlainUsers extends Table {
        @Override
        void fill(Connection c) throws SQLException {
            GuideTables.insertUsers(c, Dialect.SQLITE, 1, users);
        }

        @Override
        IndexDefinition index() {
            return null;
        }
    }

    public static class EmailIndex extends PlainUsers {
        @Override
        IndexDefinition index() {
            return GuideIndexes.USERS_EMAIL;
        }
    }

    public static class ActiveUsersIndex extends PlainUsers {
        @Override
        IndexDefinition index() {
            return GuideIndexes.ACTIVE_USERS;
        }
    }

    /** Orders, primary key only. */
    public static class PlainOrders extends Table {
        @Override
        void fill(Connection c) throws SQLException {
            GuideTables.insertOrders(c, Dialect.SQLITE, orders, orderUsers);
        }

        @Override
        IndexDefinition index() {
            return null;
        }
    }

    public static class UserDateIndex extends PlainOrders {
        @Override
        IndexDefinition index() {
            return GuideIndexes.ORDERS_USER_DATE;
        }
    }

    /** The keys every variant looks up, in the same order. */
    @State(Scope.Thread)
    public static class Keys {
        int users = USERS;
        int orderUsers = ORDER_USERS;
        int orders = ORDERS;

        private String[] emails;
        private String[] activeEmails;
        private long[] orderUserIds;
        private int next;

        @Setup(Level.Trial)
        public void draw() {
            SplittableRandom random = new SplittableRandom(SEED);
            emails = new String[KEYS];
            activeEmails = new String[KEYS];
            orderUserIds = new long[KEYS];
            for (int i = 0; i < KEYS; i++) {
                emails[i] = email(random.nextLong(1, users + 1L));
                // Every fifth user is active: multiples of 5.
                activeEmails[i] = email(5 * random.nextLong(1, users / 5 + 1L));
                orderUserIds[i] = random.nextLong(1, orderUsers + 1L);
            }
        }

        int next() {
            int k = next;
            next = (next + 1) % KEYS;
            return k;
        }

        String email(int k) {
            return emails[k];
        }

        String activeEmail(int k) {
            return activeEmails[k];
        }

        long orderUser(int k) {
            return orderUserIds[k];
        }

        /** Half way through the orders' time span: about half of each user's orders are newer. */
        LocalDateTime since() {
            return GuideTables.createdAt(orders / 2);
        }

        private static String email(long id) {
            return "user" + id + "@example.com";
        }
    }

    @Benchmark
    public List<GuideUser> emailNoIndex(PlainUsers t, Keys k) throws SQLException {
        return t.queries.usersByEmail(t.connection, k.email(k.next()));
    }

    @Benchmark
    public List<GuideUser> emailIndexed(EmailIndex t, Keys k) throws SQLException {
        return t.queries.usersByEmail(t.connection, k.email(k.next()));
    }

    @Benchmark
    public List<GuideUser> activeEmailNoIndex(PlainUsers t, Keys k) throws SQLException {
        return t.queries.activeUsersByEmail(t.connection, k.activeEmail(k.next()));
    }

    @Benchmark
    public List<GuideUser> activeEmailPartialIndex(ActiveUsersIndex t, Keys k) throws SQLException {
        return t.queries.activeUsersByEmail(t.connection, k.activeEmail(k.next()));
    }

    @Benchmark
    public List<GuideOrder> ordersSinceNoIndex(PlainOrders t, Keys k) throws SQLException {
        return t.queries.ordersOfUserSince(t.connection, k.orderUser(k.next()), k.since());
    }

    @Benchmark
    public List<GuideOrder> ordersSinceCompositeIndex(UserDateIndex t, Keys k) throws SQLException {
        return t.queries.ordersOfUserSince(t.connection, k.orderUser(k.next()), k.since());
    }
}
