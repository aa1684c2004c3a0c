package dev.dbbench.core.index;

import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The guide's {@code users} and {@code orders} tables for the index, paging and streaming work,
 * filled with generated rows inside the database (no row crosses the wire while loading).
 *
 * <p>Deliberately without the guide's {@code UNIQUE} on email and without foreign keys: a unique
 * constraint is itself an index, and the index benchmarks need the table without one to compare
 * against; a foreign key would only slow the million-row loads. Ids are given explicitly (not
 * identity columns) so tests can put rows where they want them in id order.
 *
 * <p>Generated values, for id {@code i}: email {@code user<i>@example.com}, name {@code User <i>},
 * active for every fifth user (the guide's partial index pays when the indexed rows are a
 * minority), created {@code i} minutes after 2024-01-01, and a 100-character bio. Order {@code i}
 * belongs to user {@code 1 + (i - 1) % users}, so each user's orders are spread over the table, with
 * statuses cycling through pending, paid, shipped, cancelled per user.
 */
public final class GuideTables {
    /** Every user's bio is exactly this long. */
    public static final int BIO_LENGTH = 100;

    /** Where generated timestamps start; row {@code i} is {@code i} minutes later. */
    public static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    // Long enough that every "Bio of user <i>:" prefix plus filler is cut to exactly BIO_LENGTH.
    private static final String BIO_FILLER = " lorem ipsum dolor sit amet".repeat(4);
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    // SQLite has no boolean (0/1), no timestamp type (ISO text, which sorts in time order) and no
    // exact decimal; the guide's Float total is REAL / double precision in both.
    private static final List<String> SQLITE_DDL = List.of("""
            CREATE TABLE users (
                id         INTEGER PRIMARY KEY,
                email      TEXT    NOT NULL,
                name       TEXT    NOT NULL,
                is_active  INTEGER NOT NULL CHECK (is_active IN (0, 1)),
                created_at TEXT    NOT NULL,
                bio        TEXT    NOT NULL
            )""", """
            CREATE TABLE orders (
                id         INTEGER PRIMARY KEY,
                user_id    INTEGER NOT NULL,
                total      REAL    NOT NULL,
                status     TEXT    NOT NULL,
                created_at TEXT    NOT NULL
            )""");

    private static final List<String> POSTGRES_DDL = List.of("""
            CREATE TABLE users (
                id         BIGINT       PRIMARY KEY,
                email      VARCHAR(255) NOT NULL,
                name       VARCHAR(100) NOT NULL,
                is_active  BOOLEAN      NOT NULL,
                created_at TIMESTAMP    NOT NULL,
                bio        TEXT         NOT NULL
            )""", """
            CREATE TABLE orders (
                id         BIGINT           PRIMARY KEY,
                user_id    BIGINT           NOT NULL,
                total      DOUBLE PRECISION NOT NULL,
                status     VARCHAR(20)      NOT NULL,
                created_at TIMESTAMP        NOT NULL
            )""");

    // SQLite has no generate_series (without an extension); a recursive CTE counts instead.
    private static final String SQLITE_USERS = """
            WITH RECURSIVE seq(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
            INSERT INTO users (id, email, name, is_active, created_at, bio)
            SELECT i, 'user' || i || '@example.com', 'User ' || i, i % 5 = 0,
                   datetime('2024-01-01 00:00:00', i || ' minutes'),
                   substr('Bio of user ' || i || ':' || ?, 1, ?)
            FROM seq""";

    private static final String POSTGRES_USERS = """
            INSERT INTO users (id, email, name, is_active, created_at, bio)
            SELECT i, 'user' || i || '@example.com', 'User ' || i, i % 5 = 0,
                   timestamp '2024-01-01 00:00:00' + i * interval '1 minute',
                   substr('Bio of user ' || i || ':' || ?::text, 1, ?)
            FROM generate_series(?::bigint, ?::bigint) AS i""";

    private static final String SQLITE_ORDERS = """
            WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
            INSERT INTO orders (id, user_id, total, status, created_at)
            SELECT i, 1 + (i - 1) % ?, (i % 10000) / 100.0,
                   CASE ((i - 1) / ?) % 4 WHEN 0 THEN 'pending' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'cancelled' END,
                   datetime('2024-01-01 00:00:00', i || ' minutes')
            FROM seq""";

    private static final String POSTGRES_ORDERS = """
            INSERT INTO orders (id, user_id, total, status, created_at)
            SELECT i, 1 + (i - 1) % ?::bigint, (i % 10000) / 100.0,
                   CASE ((i - 1) / ?::bigint) % 4 WHEN 0 THEN 'pending' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'cancelled' END,
                   timestamp '2024-01-01 00:00:00' + i * interval '1 minute'
            FROM generate_series(1, ?::bigint) AS i""";

    private GuideTables() {}

    /** Creates both tables, without indexes beyond the primary keys; fails if they exist. */
    public static void create(Connection c, Dialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : dialect == Dialect.SQLITE ? SQLITE_DDL : POSTGRES_DDL) {
                s.execute(ddl);
            }
        }
    }

    /** Drops both tables (and so their indexes) if they exist. */
    public static void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS orders");
            s.execute("DROP TABLE IF EXISTS users");
        }
    }

    /** Inserts users {@code firstId .. firstId + count - 1} in one statement. Returns the rows inserted. */
    public static long insertUsers(Connection c, Dialect dialect, long firstId, long count) throws SQLException {
        if (count < 1) {
            throw new IllegalArgumentException("count of users to insert must be at least 1, was " + count);
        }
        long lastId = firstId + count - 1;
        try (PreparedStatement ps = c.prepareStatement(dialect == Dialect.SQLITE ? SQLITE_USERS : POSTGRES_USERS)) {
            if (dialect == Dialect.SQLITE) {
                ps.setLong(1, firstId);
                ps.setLong(2, lastId);
                ps.setString(3, BIO_FILLER);
                ps.setInt(4, BIO_LENGTH);
            } else {
                ps.setString(1, BIO_FILLER);
                ps.setInt(2, BIO_LENGTH);
                ps.setLong(3, firstId);
                ps.setLong(4, lastId);
            }
            return ps.executeLargeUpdate();
        }
    }

    /** Inserts orders {@code 1 .. count}, spread over users {@code 1 .. users}. Returns the rows inserted. */
    public static long insertOrders(Connection c, Dialect dialect, long count, long users) throws SQLException {
        if (count < 1 || users < 1) {
            throw new IllegalArgumentException("orders and users to spread them over must both be at least 1, were " + count + " and " + users);
        }
        try (PreparedStatement ps = c.prepareStatement(dialect == Dialect.SQLITE ? SQLITE_ORDERS : POSTGRES_ORDERS)) {
            if (dialect == Dialect.SQLITE) {
                ps.setLong(1, count);
                ps.setLong(2, users);
                ps.setLong(3, users);
            } else {
                ps.setLong(1, users);
                ps.setLong(2, users);
                ps.setLong(3, count);
            }
            return ps.executeLargeUpdate();
        }
    }

    /**
     * Brings the planner's statistics up to date: {@code ANALYZE} then {@code VACUUM} on PostgreSQL
     * (the vacuum sets the visibility map that index-only scans need; it cannot run inside a
     * transaction, so {@code c} must be in auto-commit mode), {@code ANALYZE} on SQLite.
     *
     * <p>On PostgreSQL the ANALYZE runs in a transaction of its own with
     * {@code synchronous_commit = on}. A server that commits asynchronously (as the embedded one
     * does) may not have flushed the loading transaction's commit yet, and VACUUM does not trust an
     * unflushed commit: it would leave the new pages out of the visibility map, and every
     * "index-only" scan would still visit the table. The synchronous commit flushes the log up to
     * and including every earlier commit.
     */
    public static void analyze(Connection c, Dialect dialect) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = on");
            s.execute("ANALYZE users, orders");
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM users, orders");
        }
    }

    /** The time of generated row {@code i}: {@link #EPOCH} plus {@code i} minutes. */
    public static LocalDateTime createdAt(long i) {
        return EPOCH.plusMinutes(i);
    }

    /** Binds a timestamp the way {@code dialect} stores {@code created_at}. */
    public static void bindTimestamp(PreparedStatement ps, int index, LocalDateTime value, Dialect dialect) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            ps.setString(index, SQLITE_TIME.format(value));
        } else {
            ps.setObject(index, value);
        }
    }

    static LocalDateTime timestamp(ResultSet rs, int column, Dialect dialect) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return LocalDateTime.parse(rs.getString(column), SQLITE_TIME);
        }
        return rs.getObject(column, LocalDateTime.class);
    }
}
