package dev.dbbench.core.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The users statements prepared once on a caller's connection, for loops that run them many times
 * (what Python's sqlite3 statement cache gives the guide's code for free). Commit is the caller's:
 * in auto-commit mode every insert commits on its own. Not for concurrent use, like its connection.
 */
public final class PreparedUsers implements AutoCloseable {
    private final PreparedStatement insert;
    private final PreparedStatement find;

    private PreparedUsers(PreparedStatement insert, PreparedStatement find) {
        this.insert = insert;
        this.find = find;
    }

    /** Prepares the statements on {@code c}; the table must exist. Closing this leaves {@code c} open. */
    public static PreparedUsers on(Connection c) throws SQLException {
        PreparedStatement insert = c.prepareStatement(SqliteUsers.INSERT_OR_IGNORE);
        try {
            return new PreparedUsers(insert, c.prepareStatement(SqliteUsers.FIND_BY_EMAIL));
        } catch (SQLException e) {
            insert.close();
            throw e;
        }
    }

    /** INSERT OR IGNORE of one user; true when a row was inserted. */
    public boolean insertOrIgnore(NewUser user) throws SQLException {
        Objects.requireNonNull(user, "user");
        insert.setString(1, user.email());
        insert.setString(2, user.name());
        return insert.executeUpdate() == 1;
    }

    /** The user with exactly this email. */
    public Optional<SqliteUser> findByEmail(String email) throws SQLException {
        Objects.requireNonNull(email, "email");
        find.setString(1, email);
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? Optional.of(SqliteUsers.read(rs)) : Optional.empty();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            insert.close();
        } finally {
            find.close();
        }
    }
}
