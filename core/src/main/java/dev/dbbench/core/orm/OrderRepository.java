package dev.dbbench.core.orm;

import dev.dbbench.core.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The guide's order operations and reports (section 4) over plain JDBC; see {@link UserRepository} for the conventions. */
public final class OrderRepository {
    private static final String COLUMNS = "id, user_id, total, status, created_at";

    private final Columns columns;
    private final Clock clock;

    public OrderRepository(Dialect dialect) {
        this(dialect, Clock.systemUTC());
    }

    public OrderRepository(Dialect dialect, Clock clock) {
        this.columns = new Columns(dialect);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Places a pending order for {@code userId} now; the database fills in the default status. */
    public Order create(Connection c, long userId, BigDecimal total) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orders (user_id, total, created_at) VALUES (?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setLong(1, userId);
            columns.bindMoney(ps, 2, total);
            columns.bindTime(ps, 3, clock.instant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return columns.order(rs, "");
            }
        }
    }

    /** Places an order with an explicit status and time. */
    public Order create(Connection c, long userId, BigDecimal total, String status, Instant createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orders (user_id, total, status, created_at) VALUES (?, ?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setLong(1, userId);
            columns.bindMoney(ps, 2, total);
            ps.setString(3, Objects.requireNonNull(status, "status"));
            columns.bindTime(ps, 4, createdAt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return columns.order(rs, "");
            }
        }
    }

    /** A user's orders by id. */
    public List<Order> findByUser(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE user_id = ? ORDER BY id")) {
            ps.setLong(1, userId);
            List<Order> orders = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(columns.order(rs, ""));
                }
            }
            return orders;
        }
    }

    /**
     * The guide's "count orders per user": users with more than {@code minOrders} orders, with their
     * order count and total spent, by user id. Grouped by user id as well as name: the guide groups by
     * name alone, which silently merges two users who share a name.
     */
    public List<OrderSummary> summariesWithMoreThan(Connection c, int minOrders) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.id, u.name, COUNT(o.id) AS order_count, SUM(o.total) AS total_spent
                FROM users u JOIN orders o ON o.user_id = u.id
                GROUP BY u.id, u.name
                HAVING COUNT(o.id) > ?
                ORDER BY u.id""")) {
            ps.setInt(1, minOrders);
            List<OrderSummary> summaries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    summaries.add(new OrderSummary(rs.getLong("id"), rs.getString("name"), rs.getLong("order_count"), columns.money(rs, "total_spent")));
                }
            }
            return summaries;
        }
    }
}
