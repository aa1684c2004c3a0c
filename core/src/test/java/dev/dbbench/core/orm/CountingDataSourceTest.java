package dev.dbbench.core.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbbench.core.Database;
import dev.dbbench.core.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CountingDataSourceTest {

    @Test
    void countsEachExecuteCallAndABatchAsOne() throws Exception {
        try (Database db = Databases.sqliteInMemory()) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            try (Connection c = counting.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (x INTEGER)");
                    assertSame(c, s.getConnection());
                }
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (x) VALUES (?)")) {
                    for (int i = 0; i < 3; i++) {
                        ps.setInt(1, i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    ps.setInt(1, 9);
                    ps.executeUpdate();
                }
                c.commit();
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM t"); var rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(4, rs.getInt(1));
                }
                assertEquals(4, counting.statements(), "create, batch, update, select");
                assertTrue(c.isWrapperFor(Connection.class));
            }
            assertEquals(4, counting.reset());
            assertEquals(0, counting.statements());
        }
    }

    @Test
    void failuresPassThroughUnchangedAndStillCount() throws Exception {
        try (Database db = Databases.sqliteInMemory()) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            try (Connection c = counting.getConnection(); Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
                assertTrue(e.getMessage().contains("no such table: no_such_table"), e.getMessage());
            }
            assertEquals(1, counting.statements());
        }
    }
}
