package dev.dbbench.core.index;

import dev.dbbench.core.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** One row of {@link GuideTables}' {@code orders}. */
public record GuideOrder(long id, long userId, double total, String status, LocalDateTime createdAt) {

    /** The columns {@link #read(ResultSet, Dialect)} expects, in order, for a SELECT list. */
    public static final String COLUMNS = "id, user_id, total, status, created_at";

    /** Reads the current row of a result whose select list is {@link #COLUMNS}. */
    public static GuideOrder read(ResultSet rs, Dialect dialect) throws SQLException {
        return new GuideOrder(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4), GuideTables.timestamp(rs, 5, dialect));
    }
}
