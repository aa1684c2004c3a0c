package dev.dbbench.core.orm;

import dev.dbbench.core.DatabaseException;
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
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The guide's user operations (section 4) over plain JDBC, the same SQL on SQLite and PostgreSQL.
 *
 * <p>Every method works on a connection the caller owns, so the caller chooses the transaction the
 * way the guide's {@code get_session()} does: {@code db.inTransaction(c -> users.create(c, ...))}.
 * Methods throw the driver's {@link SQLException}, which the {@code Database} scopes turn into a
 * {@link DatabaseException} that keeps the SQLState.
 */
public final class UserRepository {
    /** PostgreSQL's SQLState for a unique violation; given for SQLite's too, whose driver reports none. */
    public static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, email, name, is_active, created_at";

    private final Columns columns;
    private final Clock clock;

    public UserRepository(Dialect dialect) {
        this(dialect, Clock.systemUTC());
    }

    /** A repository that stamps new users with {@code clock}'s time. */
    public UserRepository(Dialect dialect, Clock clock) {
        this.columns = new Columns(dialect);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code SELECT} + this + {@code FROM users}: the columns {@link #read} expects. */
    public static final String SELECT_USERS = "SELECT " + COLUMNS + " FROM users";

    /** The user in the current row of a result of {@link #SELECT_USERS} (for streaming with {@code RowStreams}). */
    public User read(ResultSet rs) throws SQLException {
        return columns.user(rs, "");
    }

    /** Registers an active user now. */
    public User create(Connection c, String email, String name) throws SQLException {
        return create(c, email, name, clock.instant());
    }

    /**
     * Registers an active user created at {@code createdAt} (kept to the microsecond).
     *
     * @throws DatabaseException with SQLState 23505 when the email is already registered
     */
    public User create(Connection c, String email, String name, Instant createdAt) throws SQLException {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (email, name, is_active, created_at) VALUES (?, ?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setString(1, email);
            ps.setString(2, name);
            ps.setBoolean(3, true);
            columns.bindTime(ps, 4, createdAt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return columns.user(rs, "");
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new DatabaseException("[users] email \"" + email + "\" is already registered: users.email must be unique."
                        + " Use another email or update the existing user (" + DatabaseException.describe(e) + ")",
                        e.getSQLState() == null ? UNIQUE_VIOLATION : e.getSQLState(), e);
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        }
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    public Optional<User> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    /** The guide's {@code filter_by(email=...).first()}: emails are unique, so at most one. */
    public Optional<User> findByEmail(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE email = ?")) {
            ps.setString(1, email);
            return one(ps);
        }
    }

    /** Active users by id. */
    public List<User> findActive(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE is_active = ? ORDER BY id")) {
            ps.setBoolean(1, true);
            return all(ps);
        }
    }

    /** All users by id. */
    public List<User> findAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY id")) {
            return all(ps);
        }
    }

    /** Renames a user; false when no user has that id. */
    public boolean rename(Connection c, long id, String newName) throws SQLException {
        Objects.requireNonNull(newName, "newName");
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET name = ? WHERE id = ?")) {
            ps.setString(1, newName);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The guide's bulk update: deactivates every user created before {@code cutoff}; returns how many rows changed. */
    public int deactivateCreatedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET is_active = ? WHERE created_at < ? AND is_active = ?")) {
            ps.setBoolean(1, false);
            columns.bindTime(ps, 2, cutoff);
            ps.setBoolean(3, true);
            return ps.executeUpdate();
        }
    }

    /** Deletes a user; the database deletes their orders with them (ON DELETE CASCADE). False when no such user. */
    public boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The guide's "big spenders": users whose orders sum to more than {@code threshold}, by id, found
     * with the guide's subquery ({@code id IN (SELECT user_id ... GROUP BY user_id HAVING SUM(total) > ?)}).
     */
    public List<User> bigSpenders(Connection c, BigDecimal threshold) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, email, name, is_active, created_at FROM users
                WHERE id IN (SELECT user_id FROM orders GROUP BY user_id HAVING SUM(total) > ?)
                ORDER BY id""")) {
            columns.bindMoney(ps, 1, threshold);
            return all(ps);
        }
    }

    private Optional<User> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(columns.user(rs, "")) : Optional.empty();
        }
    }

    private List<User> all(PreparedStatement ps) throws SQLException {
        List<User> users = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(columns.user(rs, ""));
            }
        }
        return users;
    }
}
