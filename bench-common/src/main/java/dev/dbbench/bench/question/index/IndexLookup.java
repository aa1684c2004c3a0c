package dev.dbbench.bench.question.index;

import dev.dbbench.bench.database.DatabaseTarget;
import dev.dbbench.bench.database.Fixture;
import dev.dbbench.core.Dialect;
import dev.dbbench.core.index.GuideIndexes;
import dev.dbbench.core.index.GuideOrder;
import dev.dbbench.core.index.GuideQueries;
import dev.dbbench.core.index.GuideTables;
import dev.dbbench.core.index.GuideUser;
import dev.dbbench.core.index.IndexDefinition;
import dev.dbbench.core.index.Indexes;
import dev.dbbench.core.provision.Scale;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How much do the guide's indexes speed up the queries they are for? The body of the question; a
 * subclass per database names it with {@code @OnDatabase}, says what to expect there, and may add
 * pairs of its own (PostgreSQL's covering index).
 *
 * <p>Pairs of variants, each the same query without and with its index: lookup by email
 * ({@code idx_users_email}); an active user by email ({@code idx_active_users}, partial: only the
 * fifth of users that are active are in it); a user's orders since a date, oldest first
 * ({@code idx_orders_user_date}, composite). Each variant's state builds only the table it reads,
 * in a database of its own, with only the index it is about: 1,000,000 users or 1,000,000 orders
 * (10 per user across 100,000 users), generated in one statement and analysed, built once per run
 * and copied for every trial. Nothing is written while measuring.
 *
 * <p>Measured: one query on an open connection, mapped to records and returned; the keys (user
 * ids, and so emails) follow the same seeded random sequence in every variant, so each pair reads
 * the same rows. Excluded: loading, indexing, analysing, opening the connection.
 */
public abstract class IndexLookup {
    public static final int USERS = 1_000_000;
    public static final int ORDERS = 1_000_000;
    public static final int ORDER_USERS = 100_000;
    /** How many keys the sequence cycles through; enough that no one row stays hot in a cache of its own. */
    public static final int KEYS = 4_096;
    public static final long SEED = 42;

    /**
     * A fresh database with one generated table and at most one index. A state, not the benchmark,
     * so JMH makes it apart from the benchmark object: it finds its database from the benchmark
     * JMH is running (its class's {@code @OnDatabase}).
     */
    @State(Scope.Benchmark)
    public abstract static class Table {
        /** Table sizes; a test makes them smaller. */
        public int users = USERS;
        public int orders = ORDERS;
        public int orderUsers = ORDER_USERS;

        public Connection connection;
        public GuideQueries queries;
        private DatabaseTarget target;

        /** Fills the table the variant reads, at the sizes given (already scaled). */
        protected abstract void fill(Connection c, Dialect dialect, int users, int orders, int orderUsers) throws SQLException;

        /** The index the variant is about, or null for none. */
        public abstract IndexDefinition index();

        @Setup(Level.Trial)
        public void createTable(BenchmarkParams params) throws SQLException, ClassNotFoundException {
            String benchmark = params.getBenchmark();
            createTableFor(Class.forName(benchmark.substring(0, benchmark.lastIndexOf('.')), false, getClass().getClassLoader()));
        }

        /** A copy of the table in a database of the kind {@code benchmark} runs on (also for the tests). */
        public void createTableFor(Class<?> benchmark) throws SQLException {
            Dialect dialect = DatabaseTarget.dialectOf(benchmark);
            target = DatabaseTarget.fromFixture(dialect, benchmark.getSimpleName() + "_" + getClass().getSimpleName(), fixture());
            queries = new GuideQueries(dialect);
            connection = target.database().open();
        }

        /**
         * The table with its index, filled and analysed: built once per run for each table, size
         * and index, and copied for every trial. Read-only while measured, so a copy is as good as
         * a fresh build. The smoke profile scales the sizes down ({@link Scale}).
         */
        public Fixture fixture() {
            Scale scale = Scale.current();
            int u = scale.rows(users);
            int o = scale.rows(orders);
            int ou = scale.rows(orderUsers);
            IndexDefinition index = index();
            return new Fixture("index_" + table(), 1, "users=" + u + ",orders=" + o + ",orderUsers=" + ou + ",index=" + index, db -> {
                Dialect dialect = db.dialect();
                db.useTransaction(c -> {
                    GuideTables.create(c, dialect);
                    fill(c, dialect, u, o, ou);
                    if (index != null) {
                        Indexes.create(c, dialect, index);
                    }
                });
                // On PostgreSQL a VACUUM ANALYZE: it also sets the visibility map, without which an
                // index-only scan still visits the table (copied with the template).
                db.useConnection(c -> GuideTables.analyze(c, dialect));
            });
        }

        /** Which table {@link #fill} writes, for the fixture's name. */
        protected abstract String table();

        @TearDown(Level.Trial)
        public void removeTable() throws SQLException {
            try {
                connection.close();
            } finally {
                target.close();
            }
        }
    }

    /** Users, primary key only. */
    public static class PlainUsers extends Table {
        @Override
        protected void fill(Connection c, Dialect dialect, int users, int orders, int orderUsers) throws SQLException {
            GuideTables.insertUsers(c, dialect, 1, users);
        }

        @Override
        protected String table() {
            return "users";
        }

        @Override
        public IndexDefinition index() {
            return null;
        }
    }

    public static class EmailIndex extends PlainUsers {
        @Override
        public IndexDefinition index() {
            return GuideIndexes.USERS_EMAIL;
        }
    }

    public static class ActiveUsersIndex extends PlainUsers {
        @Override
        public IndexDefinition index() {
            return GuideIndexes.ACTIVE_USERS;
        }
    }

    /** Orders, primary key only. */
    public static class PlainOrders extends Table {
        @Override
        protected void fill(Connection c, Dialect dialect, int users, int orders, int orderUsers) throws SQLException {
            GuideTables.insertOrders(c, dialect, orders, orderUsers);
        }

        @Override
        protected String table() {
            return "orders";
        }

        @Override
        public IndexDefinition index() {
            return null;
        }
    }

    public static class UserDateIndex extends PlainOrders {
        @Override
        public IndexDefinition index() {
            return GuideIndexes.ORDERS_USER_DATE;
        }
    }

    /** The keys every variant looks up, in the same order. */
    @State(Scope.Thread)
    public static class Keys {
        public int users = USERS;
        public int orderUsers = ORDER_USERS;
        public int orders = ORDERS;

        private String[] emails;
        private String[] activeEmails;
        private long[] orderUserIds;
        private LocalDateTime since;
        private int next;

        @Setup(Level.Trial)
        public void draw() {
            // The same scale as the tables' (Scale), so every key is in them.
            Scale scale = Scale.current();
            int users = scale.rows(this.users);
            int orderUsers = scale.rows(this.orderUsers);
            int orders = scale.rows(this.orders);
            since = GuideTables.createdAt(orders / 2);
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

        public int next() {
            int k = next;
            next = (next + 1) % KEYS;
            return k;
        }

        public String email(int k) {
            return emails[k];
        }

        public String activeEmail(int k) {
            return activeEmails[k];
        }

        public long orderUser(int k) {
            return orderUserIds[k];
        }

        /** Half way through the orders' time span: about half of each user's orders are newer. */
        public LocalDateTime since() {
            return since;
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
