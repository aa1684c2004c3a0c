package dev.dbbench.core.index;

import dev.dbbench.core.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The queries each of the guide's indexes is for, on {@link GuideTables}. They run the same with or
 * without the index; only the plan, and so the speed, differs. The SQL is public so a test can ask
 * the database for the plan of exactly the statement that runs ({@link QueryPlan#explain}).
 */
public final class GuideQueries {
    /** For {@link GuideIndexes#USERS_EMAIL}. */
    public static final String USER_BY_EMAIL = "SELECT " + GuideUser.COLUMNS + " FROM users WHERE email = ?";

    /** For {@link GuideIndexes#ACTIVE_USERS}: the query must repeat the index's condition for the index to apply. */
    public static final String ACTIVE_USER_BY_EMAIL = "SELECT " + GuideUser.COLUMNS + " FROM users WHERE is_active AND email = ?";

    /** For {@link GuideIndexes#ORDERS_USER_DATE}: equality on the leading column, range and order on the second. */
    public static final String ORDERS_OF_USER_SINCE = "SELECT " + GuideOrder.COLUMNS + " FROM orders WHERE user_id = ? AND created_at >= ? ORDER BY created_at";

    /**
     * For {@link GuideIndexes#ORDERS_COVERING}: every column it reads is in the index, so PostgreSQL
     * can answer from the index alone. No ORDER BY, which would need a column outside the index;
     * {@link #totalsOfUserByStatus} sorts the few totals itself.
     */
    public static final String TOTALS_OF_USER_BY_STATUS = "SELECT total FROM orders WHERE user_id = ? AND status = ?";

    private final Dialect dialect;

    public GuideQueries(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** Users with this email (one in the generated data), by id. */
    public List<GuideUser> usersByEmail(Connection c, String email) throws SQLException {
        return users(c, USER_BY_EMAIL, email);
    }

    /** Active users with this email: empty when the user is inactive. */
    public List<GuideUser> activeUsersByEmail(Connection c, String email) throws SQLException {
        return users(c, ACTIVE_USER_BY_EMAIL, email);
    }

    /** The user's orders created at or after {@code since}, oldest first. */
    public List<GuideOrder> ordersOfUserSince(Connection c, long userId, LocalDateTime since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ORDERS_OF_USER_SINCE)) {
            ps.setLong(1, userId);
            GuideTables.bindTimestamp(ps, 2, since, dialect);
            try (ResultSet rs = ps.executeQuery()) {
                List<GuideOrder> orders = new ArrayList<>();
                while (rs.next()) {
                    orders.add(GuideOrder.read(rs, dialect));
                }
                return orders;
            }
        }
    }

    /** Totals of the user's orders in {@code status}, smallest first. */
    public List<Double> totalsOfUserByStatus(Connection c, long userId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOTALS_OF_USER_BY_STATUS)) {
            ps.setLong(1, userId);
            ps.setString(2, status);
            try (ResultSet rs = ps.executeQuery()) {
                List<Double> totals = new ArrayList<>();
                while (rs.next()) {
                    totals.add(rs.getDouble(1));
                }
                Collections.sort(totals);
                return totals;
            }
        }
    }

    private List<GuideUser> users(Connection c, String sql, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                List<GuideUser> users = new ArrayList<>();
                while (rs.next()) {
                    users.add(GuideUser.read(rs, dialect));
                }
                return users;
            }
        }
    }
}
