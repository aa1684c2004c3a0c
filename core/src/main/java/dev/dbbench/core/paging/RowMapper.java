package dev.dbbench.core.paging;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result into a value; must not move the cursor. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
