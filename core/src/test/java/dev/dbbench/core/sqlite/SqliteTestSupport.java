package dev.dbbench.core.sqlite;

import dev.dbbench.core.Database;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class SqliteTestSupport {
    private SqliteTestSupport() {}

    /** Every schema object with its SQL, to show that nothing was created, altered or dropped. */
    static List<String> schema(Database db) {
        return db.withConnection(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            return rows;
        });
    }

    static long count(Database db, String table) {
        // The table name comes from the tests' fixed set, never from a value.
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
