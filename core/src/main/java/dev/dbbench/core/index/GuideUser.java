package dev.dbbench.core.index;

import dev.dbbench.core.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * One row of {@link GuideTables}' {@code users}.
 *
 * @param bio a 100-character text, there to give rows a realistic width (and to make a million of
 *     them too big for a small heap)
 */
public record GuideUser(long id, String email, String name, boolean active, LocalDateTime createdAt, String bio) {

    /** The columns {@link #read(ResultSet, Dialect)} expects, in order, for a SELECT list. */
    public static final String COLUMNS = "id, email, name, is_active, created_at, bio";

    /** Reads the current row of a result whose select list is {@link #COLUMNS}. */
    public static GuideUser read(ResultSet rs, Dialect dialect) throws SQLException {
        return new GuideUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), GuideTables.timestamp(rs, 5, dialect), rs.getString(6));
    }
}
