package dev.dbbench.core.orm;

import dev.dbbench.core.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Deterministic users and orders for tests and benchmarks: {@code users} users
 * ({@code user-000001@example.com}, ...), each with {@code ordersPerUser} orders whose totals and
 * statuses vary by position, created a minute apart from a fixed instant so runs compare.
 */
public final class SampleData {
    /** When the first sample user registered. */
    public static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final String[] STATUSES = {"pending", "paid", "shipped"};
    private static final int BATCH = 1_000;

    private SampleData() {}

    /**
     * Inserts the rows with batched statements on {@code c}; the caller chooses the transaction
     * (one transaction keeps a 6,000-row load well under a second on both databases).
     */
    public static void insert(Connection c, Dialect dialect, int users, int ordersPerUser) throws SQLException {
        if (users < 0 || ordersPerUser < 0) {
            throw new IllegalArgumentException("users and ordersPerUser must be >= 0, were " + users + " and " + ordersPerUser);
        }
        Columns columns = new Columns(dialect);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (email, name, is_active, created_at) VALUES (?, ?, ?, ?)")) {
            for (int u = 1; u <= users; u++) {
                ps.setString(1, email(u));
                ps.setString(2, name(u));
                ps.setBoolean(3, active(u));
                columns.bindTime(ps, 4, userCreatedAt(u));
                ps.addBatch();
                if (u % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        // The ids are the database's; the orders find their user by the unique email instead.
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orders (user_id, total, status, created_at) SELECT id, ?, ?, ? FROM users WHERE email = ?")) {
            int pending = 0;
            for (int u = 1; u <= users; u++) {
                for (int o = 0; o < ordersPerUser; o++) {
                    columns.bindMoney(ps, 1, total(u, o));
                    ps.setString(2, status(u, o));
                    columns.bindTime(ps, 3, orderCreatedAt(u, o));
                    ps.setString(4, email(u));
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            ps.executeBatch();
        }
    }

    /** The email of the {@code n}-th sample user, from 1. */
    public static String email(int n) {
        return String.format(Locale.ROOT, "user-%06d@example.com", n);
    }

    /** The name of the {@code n}-th sample user. */
    public static String name(int n) {
        return "User " + n;
    }

    /** Whether the {@code n}-th sample user is active: all but every tenth. */
    public static boolean active(int n) {
        return n % 10 != 0;
    }

    /** When the {@code n}-th sample user registered: a minute after the one before. */
    public static Instant userCreatedAt(int n) {
        return START.plus(n, ChronoUnit.MINUTES);
    }

    /** The status of the {@code o}-th order (from 0) of the {@code u}-th user. */
    public static String status(int u, int o) {
        return STATUSES[(u + o) % STATUSES.length];
    }

    /** When the {@code o}-th order (from 0) of the {@code u}-th user was placed: seconds after the user registered. */
    public static Instant orderCreatedAt(int u, int o) {
        return userCreatedAt(u).plus(o + 1L, ChronoUnit.SECONDS);
    }

    /** The total of the {@code o}-th order (from 0) of the {@code u}-th user: 1.00 to 500.99, with cents. */
    public static BigDecimal total(int u, int o) {
        return BigDecimal.valueOf((u * 7919L + o * 104729L) % 50_000 + 100, 2);
    }
}
