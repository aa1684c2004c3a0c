package dev.dbbench.core.orm;

import dev.dbbench.core.Dialect;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How the two column types that differ between the databases are bound and read: money (see
 * {@link Money}) and timestamps. PostgreSQL has {@code TIMESTAMPTZ}; SQLite has no date type, so it
 * keeps epoch microseconds in an INTEGER, which compares and sorts correctly (ISO-8601 text would
 * not once fractional digits vary) and keeps the same precision as PostgreSQL.
 */
final class Columns {
    private final Dialect dialect;

    Columns(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    Dialect dialect() {
        return dialect;
    }

    /** {@code t} at the precision both databases keep, so a stored value reads back equal. */
    static Instant storable(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    void bindMoney(PreparedStatement ps, int index, BigDecimal amount) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            ps.setLong(index, Money.toCents(amount));
        } else {
            ps.setBigDecimal(index, Money.exact(amount));
        }
    }

    BigDecimal money(ResultSet rs, String column) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return Money.fromCents(rs.getLong(column));
        }
        return Money.exact(rs.getBigDecimal(column));
    }

    void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        Instant stored = storable(t);
        if (dialect == Dialect.SQLITE) {
            ps.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, stored));
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(stored, ZoneOffset.UTC));
        }
    }

    Instant time(ResultSet rs, String column) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return Instant.EPOCH.plus(rs.getLong(column), ChronoUnit.MICROS);
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Reads a user from columns named {@code <prefix>id}, {@code <prefix>email}, ... */
    User user(ResultSet rs, String prefix) throws SQLException {
        return new User(rs.getLong(prefix + "id"), rs.getString(prefix + "email"), rs.getString(prefix + "name"),
                rs.getBoolean(prefix + "is_active"), time(rs, prefix + "created_at"));
    }

    /** Reads an order from columns named {@code <prefix>id}, {@code <prefix>user_id}, ... */
    Order order(ResultSet rs, String prefix) throws SQLException {
        return new Order(rs.getLong(prefix + "id"), rs.getLong(prefix + "user_id"), money(rs, prefix + "total"),
                rs.getString(prefix + "status"), time(rs, prefix + "created_at"));
    }
}
